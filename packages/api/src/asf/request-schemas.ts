import { z } from 'zod';
import { ASF_AGE_BANDS, ASF_PLACE_KINDS, ASF_REQUEST_NEEDS } from '@regionportalen/db';
import { idSchema, ownerSchema, slugSchema, versionSchema } from '../core/index.ts';

// What a place request takes. A request describes a participant without personal data: the
// database refuses text that looks like a personnummer too (migration 0028), with the same pattern.

const PERSONNUMMER = /(^|\D)(\d{2})?\d{6}[-+ ]?\d{4}(\D|$)/;

/** Free text beside the "inga personuppgifter" warning: short, and never a personnummer. */
export const anonymousText = z
	.string()
	.trim()
	.max(300, 'Skriv högst 300 tecken.')
	.refine((text) => !PERSONNUMMER.test(text), {
		message: 'Texten ser ut att innehålla ett personnummer. Skriv inga personuppgifter i förfrågan.'
	});

const isoDate = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD.');

export const requestFields = z.object({
	placeKind: z.enum(ASF_PLACE_KINDS, 'Välj vilket slags plats som behövs.'),
	ageBand: z.enum(ASF_AGE_BANDS, 'Välj deltagarens åldersgrupp.'),
	needs: z.array(z.enum(ASF_REQUEST_NEEDS, 'Välj behoven i listan.')).max(ASF_REQUEST_NEEDS.length).default([]),
	description: anonymousText.default(''),
	municipality: z.string().trim().min(2, 'Ange kommunen där platsen behövs.').max(100),
	wishedStart: isoDate
});
export type RequestFields = z.infer<typeof requestFields>;

export const askSchema = z.object({ forbund: slugSchema, fields: requestFields });

export const requestsInput = z.object({
	owner: ownerSchema,
	status: z.enum(['oppna', 'stangda', 'alla']).default('oppna')
});

export const requestInput = z.object({ owner: ownerSchema, id: idSchema });

/** A step's time: a date and a time of day, as the form's fields give them (Swedish time). */
export const happenedAtSchema = z.iso.datetime({ local: true, message: 'Ange datum och klockslag.' });

export const proposeSchema = z.object({
	id: idSchema,
	version: versionSchema,
	enterpriseId: idSchema,
	note: anonymousText.default('')
});

export const stepSchema = z.object({
	id: idSchema,
	version: versionSchema,
	step: z.enum(['besok', 'startad', 'avbojd'], 'Välj vad som har hänt.'),
	happenedAt: happenedAtSchema,
	note: anonymousText.default('')
});

export const withdrawSchema = z.object({ id: idSchema, version: versionSchema, note: anonymousText.default('') });

export const overviewInput = z.object({ owner: ownerSchema });
