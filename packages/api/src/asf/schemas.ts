import { z } from 'zod';
import {
	ASF_BUSINESS_LINES,
	ASF_CONTACT_ROLES,
	ASF_CRITERIA,
	ASF_FOLLOW_UPS,
	ASF_LEGAL_FORMS,
	ASF_PLACE_KINDS,
	ASF_TARGET_GROUPS
} from '@regionportalen/db';
import { idSchema, optionalEmailSchema, phoneSchema } from '../core/index.ts';
import { orgNumberSchema } from './org-number.ts';

// What the ASF register takes and the directory filters by. The enums are the schema's consts, so
// the API, the database's checks and the forms' choices are one list.

const isoDate = z.iso.date('Ange datum som ÅÅÅÅ-MM-DD.');
const text = (max: number, what: string) => z.string().trim().max(max, `${what} får vara högst ${max} tecken.`);
const municipality = z.string().trim().min(2, 'Ange kommunens namn.').max(100);

export const contactSchema = z.object({
	role: z.enum(ASF_CONTACT_ROLES, 'Välj kontaktens roll.'),
	name: z.string().trim().min(2, 'Ange kontaktpersonens namn.').max(200),
	email: optionalEmailSchema,
	phone: phoneSchema
});

export const criterionSchema = z.object({ met: z.boolean(), note: text(500, 'Kommentaren').default('') });

export const workplaceSchema = z.object({
	name: z.string().trim().min(2, 'Ange arbetsplatsens namn.').max(160),
	street: text(200, 'Adressen').default(''),
	postalCode: z
		.string()
		.trim()
		.regex(/^(\d{3} ?\d{2})?$/, 'Skriv postnumret med fem siffror, till exempel 195 30.')
		.default(''),
	city: text(100, 'Orten').default(''),
	municipality
});

export const staffingSchema = z
	.object({
		year: z.number().int().min(2000, 'Ange ett år från 2000.').max(2100, 'Ange ett år till och med 2100.'),
		employees: z.number().int().min(0, 'Antal kan inte vara negativa.').max(100_000),
		fromTargetGroups: z.number().int().min(0, 'Antal kan inte vara negativa.').max(100_000)
	})
	.refine((s) => s.fromTargetGroups <= s.employees, {
		message: 'Fler anställda från målgrupperna än anställda totalt.',
		path: ['fromTargetGroups']
	});

export const enterpriseFields = z.object({
	name: z.string().trim().min(2, 'Namnet behöver minst 2 tecken.').max(160, 'Namnet får vara högst 160 tecken.'),
	orgNumber: orgNumberSchema,
	legalForm: z.enum(ASF_LEGAL_FORMS, 'Välj företagsform.'),
	businessLines: z.array(z.enum(ASF_BUSINESS_LINES, 'Välj verksamhet ur listan.')).max(14).default([]),
	municipalities: z.array(municipality).max(60).default([]),
	criteria: z.object(
		Object.fromEntries(ASF_CRITERIA.map((c) => [c, criterionSchema])) as Record<
			(typeof ASF_CRITERIA)[number],
			typeof criterionSchema
		>
	),
	skoopiMember: z.boolean().default(false),
	certifiedOn: isoDate.nullable().default(null),
	targetGroups: z.array(z.enum(ASF_TARGET_GROUPS, 'Välj målgrupp ur listan.')).max(20).default([]),
	followUp: z.array(z.enum(ASF_FOLLOW_UPS, 'Välj uppföljning ur listan.')).max(10).default([]),
	followUpNote: text(1000, 'Texten om uppföljningen').default(''),
	contacts: z.array(contactSchema).max(10, 'Högst 10 kontaktpersoner.').default([]),
	summary: text(300, 'Sammanfattningen').default(''),
	description: text(20_000, 'Beskrivningen').default(''),
	website: z
		.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Webbadressen ska börja med https://.' })])
		.default(''),
	active: z.boolean().default(true),
	workplaces: z.array(workplaceSchema).max(20, 'Högst 20 arbetsplatser.').default([]),
	staffing: z.array(staffingSchema).max(30).default([])
});
export type EnterpriseFields = z.infer<typeof enterpriseFields>;

export const placeSchema = z
	.object({
		kind: z.enum(ASF_PLACE_KINDS, 'Välj slag av plats.'),
		max: z.number().int().min(0, 'Antal kan inte vara negativa.').max(1000, 'Högst 1000 platser.'),
		free: z.number().int().min(0, 'Antal kan inte vara negativa.').max(1000)
	})
	.refine((p) => p.free <= p.max, { message: 'Fler lediga platser än platser totalt.', path: ['free'] });

export const setPlacesSchema = z.object({
	id: idSchema,
	places: z
		.array(placeSchema)
		.max(ASF_PLACE_KINDS.length)
		.refine((ps) => new Set(ps.map((p) => p.kind)).size === ps.length, 'Varje slag av plats får stå en gång.')
});

/** The token in an enterprise's link: 32 random bytes, base64url without padding. */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Länken är ogiltig eller har bytts ut.');

export const reportSchema = z.object({
	token: linkTokenSchema,
	/** The free count per place id; none for "no change". */
	counts: z.record(z.string().regex(/^\d+$/), z.number().int().min(0, 'Antal kan inte vara negativa.')).nullable()
});

export const directoryFilters = z.object({
	municipality: z.string().trim().min(1).max(100).optional(),
	businessLine: z.enum(ASF_BUSINESS_LINES, 'Välj en verksamhet ur listan.').optional(),
	targetGroup: z.enum(ASF_TARGET_GROUPS, 'Välj en målgrupp ur listan.').optional(),
	freeNow: z.boolean().optional()
});
export type DirectoryFilters = z.infer<typeof directoryFilters>;

export const DIRECTORY_PAGE_SIZE = 20;

export const noteSchema = z.object({
	enterpriseId: idSchema,
	body: z.string().trim().min(2, 'Skriv anteckningen.').max(4000, 'Anteckningen får vara högst 4000 tecken.')
});
