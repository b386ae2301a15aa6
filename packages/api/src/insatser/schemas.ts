import { z } from 'zod';
import {
	INSATS_ACCESS_VIA,
	INSATS_FOLLOW_UPS,
	INSATS_INRIKTNINGAR,
	INSATS_INTAKES,
	INSATS_LIFE_STATUSES,
	INSATS_PROVIDER_KINDS,
	INSATS_PROVIDER_ROLES,
	INSATS_TARGET_GROUPS
} from '@regionportalen/db';
import { idSchema, optionalEmailSchema, phoneSchema, versionSchema } from '../core/index.ts';

// What an editor sends: the insats's text and facts, its four Uppföljning Finsam categories, its
// statuses' inputs and its years. The enums come from the schema's consts, so the API, the database's
// checks and the forms' choices are one list.

const isoDate = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD.');
const age = z.number().int().min(0, 'Åldern kan inte vara negativ.').max(120, 'Ange en ålder upp till 120 år.');
const text = (max: number, what: string) => z.string().trim().max(max, `${what} får vara högst ${max} tecken.`);

export const providerSchema = z.object({
	organisation: z.string().trim().min(2, 'Ange organisationens namn.').max(200),
	role: z.enum(INSATS_PROVIDER_ROLES),
	kind: z.enum(INSATS_PROVIDER_KINDS)
});

export const contactSchema = z.object({
	name: z.string().trim().min(2, 'Ange kontaktpersonens namn.').max(200),
	title: text(200, 'Titeln').default(''),
	email: optionalEmailSchema,
	phone: phoneSchema
});

/** The four categories of Uppföljning Finsam: fixed from the first publication on. */
export const categoriesSchema = z.object({
	inriktning: z.enum(INSATS_INRIKTNINGAR, 'Välj inriktning.'),
	preciseCategoryId: idSchema,
	followUp: z.enum(INSATS_FOLLOW_UPS, 'Välj uppföljningsmetod.'),
	esf: z.boolean()
});

export const insatsFields = categoriesSchema
	.extend({
		name: z.string().trim().min(3, 'Namnet behöver minst 3 tecken.').max(200, 'Namnet får vara högst 200 tecken.'),
		summary: text(600, 'Sammanfattningen').default(''),
		description: text(50_000, 'Beskrivningen').default(''),
		targetGroups: z
			.array(z.enum(INSATS_TARGET_GROUPS))
			.max(INSATS_TARGET_GROUPS.length)
			.default([])
			.transform((groups) => [...new Set(groups)]),
		ageMin: age.nullable().default(null),
		ageMax: age.nullable().default(null),
		municipalities: z
			.array(z.string().trim().min(1).max(100))
			.max(100)
			.default([])
			.transform((names) => [...new Set(names)]),
		providers: z.array(providerSchema).max(20, 'Högst 20 organisationer.').default([]),
		accessVia: z.enum(INSATS_ACCESS_VIA).default('handlaggare'),
		accessText: text(2000, 'Texten om hur man kommer med').default(''),
		contacts: z.array(contactSchema).max(10, 'Högst 10 kontaktpersoner.').default([]),
		places: text(1000, 'Platserna').default(''),
		periodStart: isoDate.nullable().default(null),
		periodEnd: isoDate.nullable().default(null)
	})
	.refine((f) => f.ageMin === null || f.ageMax === null || f.ageMin <= f.ageMax, {
		message: 'Den lägsta åldern kan inte vara högre än den högsta.',
		path: ['ageMax']
	})
	.refine((f) => f.periodStart === null || f.periodEnd === null || f.periodStart <= f.periodEnd, {
		message: 'Perioden kan inte sluta innan den börjar.',
		path: ['periodEnd']
	});
export type InsatsFields = z.infer<typeof insatsFields>;

/** Life status and intake: facts of the running insats, kept up to date also after publication. */
export const stateSchema = z.object({
	id: idSchema,
	version: versionSchema,
	lifeStatus: z.enum(INSATS_LIFE_STATUSES),
	intake: z.enum(INSATS_INTAKES),
	intakeAsOf: isoDate.nullable().default(null)
});

const kronor = z.number().int().min(0, 'Belopp kan inte vara negativa.').max(10_000_000_000).nullable().default(null);
const count = z.number().int().min(0, 'Antal kan inte vara negativa.').max(1_000_000).nullable().default(null);

/** One year's money and results: aggregate counts only, never a participant. */
export const yearSchema = z.object({
	id: idSchema,
	year: z.number().int().min(2000, 'Ange ett år från 2000.').max(2100, 'Ange ett år till och med 2100.'),
	costBudget: kronor,
	costOutcome: kronor,
	esfCostBudget: kronor,
	esfCostOutcome: kronor,
	plannedParticipants: count,
	participantsWomen: count,
	participantsMen: count,
	participantsOther: count,
	toWork: count,
	toStudies: count
});
export type YearFields = z.infer<typeof yearSchema>;

/** The referral form, after the host stored the PDF (see @regionportalen/media). */
export const referralInput = z.object({
	id: idSchema,
	version: versionSchema,
	key: z.string().regex(/^files\/[a-f0-9]{32}\/[a-z0-9._-]+$/, 'Ogiltig fil.'),
	filename: z.string().trim().min(1).max(200),
	size: z
		.number()
		.int()
		.positive()
		.max(20 * 1024 * 1024, 'Remissblanketten får vara högst 20 MB.')
});

export const sendBackSchema = z.object({
	id: idSchema,
	comment: z
		.string()
		.trim()
		.min(3, 'Skriv en kommentar till författaren om vad som behöver ändras.')
		.max(2000, 'Kommentaren får vara högst 2000 tecken.')
});

export const preciseCategorySchema = z.object({
	inriktning: z.enum(INSATS_INRIKTNINGAR, 'Välj inriktning.'),
	label: z
		.string()
		.trim()
		.min(2, 'Benämningen behöver minst 2 tecken.')
		.max(120, 'Benämningen får vara högst 120 tecken.')
});
