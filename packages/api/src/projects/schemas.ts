import { z } from 'zod';
import {
	PROJECT_CONTACT_ROLES,
	PROJECT_FUNDING_FORMS,
	PROJECT_LIFE_STATUSES,
	PROJECT_PARTNER_ROLES
} from '@regionportalen/db';
import { idSchema, optionalEmailSchema, phoneSchema, slugSchema, versionSchema } from '../core/index.ts';

// What an editor sends for a joint project: its text and facts, and each part of its structure
// (phases, partners, funding, indicators, milestones) on its own. The enums come from the schema's
// consts, so the API, the database's checks and the forms' choices are one list.

const isoDate = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD.');
const text = (max: number, what: string) => z.string().trim().max(max, `${what} får vara högst ${max} tecken.`);
const year = z.number().int().min(2000, 'Ange ett år från 2000.').max(2100, 'Ange ett år till och med 2100.');
const count = z.number().int().min(0, 'Antal kan inte vara negativa.').max(1_000_000);

export const projectContactSchema = z.object({
	role: z.enum(PROJECT_CONTACT_ROLES, 'Välj kontaktens roll.'),
	name: z.string().trim().min(2, 'Ange kontaktpersonens namn.').max(200),
	email: optionalEmailSchema,
	phone: phoneSchema
});

export const projectFields = z.object({
	name: z.string().trim().min(2, 'Namnet behöver minst 2 tecken.').max(120, 'Namnet får vara högst 120 tecken.'),
	fullName: text(200, 'Vad namnet står för').default(''),
	summary: text(600, 'Sammanfattningen').default(''),
	purpose: text(50_000, 'Syftet').default(''),
	targetGroups: text(4000, 'Målgruppen').default(''),
	methods: text(4000, 'Metoderna').default(''),
	goals: text(4000, 'Målen').default(''),
	referral: text(4000, 'Texten om hur man hänvisar').default(''),
	esf: z.boolean().default(false),
	plannedParticipants: count.nullable().default(null),
	contacts: z.array(projectContactSchema).max(20, 'Högst 20 kontaktpersoner.').default([]),
	lifeStatus: z.enum(PROJECT_LIFE_STATUSES, 'Välj projektets status.').default('planerad')
});
export type ProjectFields = z.infer<typeof projectFields>;

export const phaseSchema = z
	.object({
		projectId: idSchema,
		/** An existing phase to change; none for a new one, which comes last. */
		phaseId: idSchema.optional(),
		name: z.string().trim().min(2, 'Ange fasens namn.').max(120, 'Fasens namn får vara högst 120 tecken.'),
		decisionDate: isoDate.nullable().default(null),
		periodStart: isoDate.nullable().default(null),
		periodEnd: isoDate.nullable().default(null),
		esfDiarienummer: text(40, 'Diarienumret').default(''),
		plannedParticipants: count.nullable().default(null)
	})
	.refine((f) => f.periodStart === null || f.periodEnd === null || f.periodStart <= f.periodEnd, {
		message: 'Perioden kan inte sluta innan den börjar.',
		path: ['periodEnd']
	});

export const partnerSchema = z
	.object({
		phaseId: idSchema,
		/** A förbund of the region, or (instead) another organisation by name. */
		forbund: slugSchema.optional(),
		organisation: z.string().trim().min(2, 'Ange organisationens namn.').max(200).optional(),
		role: z.enum(PROJECT_PARTNER_ROLES, 'Välj partens roll.')
	})
	.refine((p) => (p.forbund === undefined) !== (p.organisation === undefined), {
		message: 'Välj ett förbund eller skriv en annan organisation, inte båda.',
		path: ['organisation']
	});

export const fundingSchema = z.object({
	phaseId: idSchema,
	/** The partner whose share it is; null for the ESF's grant. */
	partnerId: idSchema.nullable(),
	year,
	form: z.enum(PROJECT_FUNDING_FORMS, 'Välj pengar eller eget arbete.'),
	amount: z.number().int().min(0, 'Belopp kan inte vara negativa.').max(10_000_000_000, 'Beloppet är för stort.')
});

export const indicatorSchema = z.object({
	projectId: idSchema,
	indicatorId: idSchema.optional(),
	label: z.string().trim().min(2, 'Ange vad indikatorn mäter.').max(200),
	unit: text(40, 'Enheten').default('')
});

const measure = z.number().min(0, 'Värden kan inte vara negativa.').max(1_000_000_000).nullable().default(null);
export const indicatorYearSchema = z.object({ indicatorId: idSchema, year, target: measure, actual: measure });

export const milestoneSchema = z.object({
	projectId: idSchema,
	milestoneId: idSchema.optional(),
	label: z.string().trim().min(2, 'Ange milstolpen.').max(200),
	dueOn: isoDate,
	doneOn: isoDate.nullable().default(null)
});

export const sendBackSchema = z.object({
	id: idSchema,
	comment: z
		.string()
		.trim()
		.min(3, 'Skriv en kommentar om vad som behöver ändras.')
		.max(2000, 'Kommentaren får vara högst 2000 tecken.')
});

export const versionedId = z.object({ id: idSchema, version: versionSchema });
