import { z } from 'zod';
import { ASF_AGREEMENT_FORMS, ASF_AGREEMENT_STATUSES, ASF_BUYER_KINDS, ASF_PLACE_KINDS } from '@regionportalen/db';
import { idSchema, slugSchema, versionSchema } from '../core/index.ts';

// What an agreement takes. The buyer is one of four kinds, and only the key of its kind is kept, so
// the database's own check (asf_agreement_buyer) never sees a stray förbund on a municipality's row.

const isoDate = (what: string) => z.iso.date(`Ange ${what} som ÅÅÅÅ-MM-DD.`);
const kronor = (what: string, max: number) =>
	z
		.number(`Ange ${what} i hela kronor.`)
		.int(`Ange ${what} i hela kronor.`)
		.min(0, `${what[0]!.toUpperCase()}${what.slice(1)} kan inte vara negativt.`)
		.max(max, `${what[0]!.toUpperCase()}${what.slice(1)} är orimligt stort.`);

export const agreementPlaceSchema = z.object({
	kind: z.enum(ASF_PLACE_KINDS, 'Välj slag av plats ur listan.'),
	places: z.number('Ange antalet platser.').int('Ange antalet platser i hela tal.').min(1, 'Minst 1 plats.').max(1000)
});

export const agreementPlacesSchema = z
	.array(agreementPlaceSchema)
	.max(ASF_PLACE_KINDS.length)
	.refine((ps) => new Set(ps.map((p) => p.kind)).size === ps.length, 'Varje slag av plats får finnas en gång.');

export const agreementFields = z
	.object({
		enterpriseId: idSchema,
		title: z.string().trim().min(2, 'Beskriv vad avtalet gäller med minst 2 tecken.').max(200, 'Högst 200 tecken.'),
		buyerKind: z.enum(ASF_BUYER_KINDS, 'Välj vem som köper.'),
		buyerForbundId: idSchema.nullable().default(null),
		buyerProjectId: idSchema.nullable().default(null),
		buyerMunicipality: z.string().trim().max(100, 'Kommunens namn får vara högst 100 tecken.').default(''),
		form: z.enum(ASF_AGREEMENT_FORMS, 'Välj avtalsform.'),
		startsOn: isoDate('startdatum'),
		endsOn: isoDate('slutdatum'),
		extension: z.string().trim().max(300, 'Förlängningen får beskrivas med högst 300 tecken.').default(''),
		status: z.enum(ASF_AGREEMENT_STATUSES, 'Välj status.').default('utkast'),
		insatsId: idSchema.nullable().default(null),
		projectId: idSchema.nullable().default(null),
		valueSek: kronor('värdet', 10_000_000_000).nullable().default(null),
		pricePerDaySek: kronor('priset per dag', 100_000).nullable().default(null),
		diarienummer: z.string().trim().max(60, 'Diarienumret får vara högst 60 tecken.').default(''),
		notes: z.string().trim().max(4000, 'Anteckningen får vara högst 4000 tecken.').default('')
	})
	.superRefine((f, ctx) => {
		if (f.endsOn < f.startsOn) {
			ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Avtalet kan inte sluta innan det börjar.' });
		}
		if (f.buyerKind === 'forbund' && f.buyerForbundId === null) {
			ctx.addIssue({ code: 'custom', path: ['buyerForbundId'], message: 'Välj vilket förbund som köper.' });
		}
		if (f.buyerKind === 'projekt' && f.buyerProjectId === null) {
			ctx.addIssue({ code: 'custom', path: ['buyerProjectId'], message: 'Välj vilket projekt som köper.' });
		}
		if (f.buyerKind === 'kommun' && f.buyerMunicipality.length < 2) {
			ctx.addIssue({ code: 'custom', path: ['buyerMunicipality'], message: 'Ange vilken kommun som köper.' });
		}
		if (f.pricePerDaySek !== null && f.form !== 'af_avtal') {
			ctx.addIssue({
				code: 'custom',
				path: ['pricePerDaySek'],
				message: 'Pris per deltagare och dag hör till Arbetsförmedlingens avtal. Ange värdet i stället.'
			});
		}
	})
	.transform((f) => ({
		...f,
		buyerForbundId: f.buyerKind === 'forbund' ? f.buyerForbundId : null,
		buyerProjectId: f.buyerKind === 'projekt' ? f.buyerProjectId : null,
		buyerMunicipality: f.buyerKind === 'kommun' ? f.buyerMunicipality : null
	}));
export type AgreementFields = z.output<typeof agreementFields>;

export const createAgreementInput = z.object({
	region: slugSchema,
	fields: agreementFields,
	places: agreementPlacesSchema.default([])
});
export const updateAgreementInput = z.object({ id: idSchema, version: versionSchema, fields: agreementFields });
export const setAgreementPlacesInput = z.object({ id: idSchema, places: agreementPlacesSchema });
export const agreementDocumentInput = z.object({ id: idSchema, documentId: idSchema });
export const yearSchema = z.number().int().min(2000, 'Välj ett år från 2000.').max(2100, 'Välj ett år till 2100.');
