import {
	ACCESSIBILITY_ASSESSMENTS,
	ACCESSIBILITY_COMPLIANCE,
	ACCESSIBILITY_LEGAL_BASES,
	ACCESSIBILITY_REPORT_STATUSES
} from '@regionportalen/db';
import { z } from 'zod';
import { slugSchema } from '../core/index.ts';

// The inputs of the accessibility procedures. The report form validates with reportSchema itself
// too (through @regionportalen/api), so it can show each field's message beside the field.

/** Whose site: a förbund's, or the hub (whose statement belongs to the platform admins). */
export const siteSchema = z.union([z.object({ forbund: slugSchema }), z.object({ hub: z.literal(true) })]);

const isoDate = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD.');
/** An optional text field of a form: empty is null (and null stays null, so parsing twice is the same). */
const optional = (schema: z.ZodType<string, string>) =>
	z
		.string()
		.trim()
		.nullable()
		.transform((v) => v || null)
		.pipe(schema.nullable());

export const MAX_GAPS = 50;

export const gapSchema = z.object({
	description: z.string().trim().min(1, 'Beskriv bristen.').max(2000, 'Beskrivningen får vara högst 2000 tecken.'),
	legalBasis: z.enum(ACCESSIBILITY_LEGAL_BASES, 'Välj varför bristen finns.'),
	fixPlannedOn: isoDate.nullable().default(null)
});

export const statementSchema = z.object({
	site: siteSchema,
	compliance: z.enum(ACCESSIBILITY_COMPLIANCE, 'Välj hur väl webbplatsen uppfyller kraven.'),
	contactEmail: optional(z.email('Det ser inte ut som en e-postadress.').max(320)).default(null),
	contactPhone: optional(z.string().max(50, 'Telefonnumret får vara högst 50 tecken.')).default(null),
	assessmentMethod: z.enum(ACCESSIBILITY_ASSESSMENTS, 'Välj hur webbplatsen granskades.'),
	assessmentDescription: z.string().trim().max(5000, 'Beskrivningen får vara högst 5000 tecken.').default(''),
	assessedOn: isoDate.nullable().default(null),
	preparedOn: isoDate,
	gaps: z.array(gapSchema).max(MAX_GAPS, `Högst ${MAX_GAPS} kända brister.`).default([])
});

/** What a visitor sends; the fields by the names of the form's inputs. */
export const reportFieldsSchema = z.object({
	pageUrl: z.string().trim().max(2000, 'Adressen får vara högst 2000 tecken.').default(''),
	description: z
		.string()
		.trim()
		.min(1, 'Beskriv problemet du stötte på.')
		.max(5000, 'Beskrivningen får vara högst 5000 tecken.'),
	name: z.string().trim().max(200, 'Namnet får vara högst 200 tecken.').default(''),
	/** Optional: for a reply, if the visitor wants one. */
	email: z
		.string()
		.trim()
		.toLowerCase()
		.max(320, 'E-postadressen får vara högst 320 tecken.')
		.refine((v) => v === '' || z.email().safeParse(v).success, 'Det ser inte ut som en e-postadress.')
		.default('')
});

export const reportSchema = reportFieldsSchema.extend({ site: siteSchema });

export const reportStatusFilterSchema = z.enum(['all', ...ACCESSIBILITY_REPORT_STATUSES]).default('all');

export const updateReportSchema = z.object({
	site: siteSchema,
	id: z.coerce.string().regex(/^[1-9][0-9]{0,17}$/, 'Rapporten finns inte.'),
	status: z.enum(ACCESSIBILITY_REPORT_STATUSES, 'Välj en status.'),
	note: z.string().trim().max(5000, 'Anteckningen får vara högst 5000 tecken.').default(''),
	repliedOn: isoDate.nullable().default(null)
});
