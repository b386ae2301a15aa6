import type { Kysely } from 'kysely';
import type { AsfAgreementForm, AsfAgreementStatus, AsfBuyerKind, AsfPlaceKind, Database } from '../schema.ts';

// The demo's ASF agreements. SAMRE's pre-rehabilitation places at VioNi on Sigtuna Hantverkshus in
// 2018 are real (seed 001); the rest, every figure, diarienummer and note, are ours. One agreement ends
// 25 days after the seeding, so the watch and the coordinator's register page show it; one is
// Arbetsförmedlingen's with a price per day; one an IOP.

interface DemoAgreement {
	enterprise: string;
	title: string;
	buyer:
		| { kind: 'forbund'; forbund: string }
		| { kind: Exclude<AsfBuyerKind, 'forbund' | 'projekt'>; municipality?: string };
	form: AsfAgreementForm;
	/** Dates, or days from the seeding (negative: before). */
	starts: string | number;
	ends: string | number;
	extension?: string;
	status: AsfAgreementStatus;
	insats?: string;
	places: { kind: AsfPlaceKind; places: number }[];
	internal: { value?: number; perDay?: number; diarienummer?: string; notes?: string };
}

export const demoAgreements: DemoAgreement[] = [
	{
		enterprise: 'vioni',
		title: 'Förrehabilitering inom SAMRE på Sigtuna Hantverkshus',
		buyer: { kind: 'forbund', forbund: 'sus' },
		form: 'direktupphandling',
		starts: '2018-02-01',
		ends: '2018-12-31',
		status: 'avslutat',
		insats: 'samre',
		places: [{ kind: 'forrehabilitering', places: 4 }],
		internal: {
			value: 240_000,
			diarienummer: 'SUS 2018/04',
			notes: 'Första avtalet med VioNi. Uppföljningen med arbetsförmågebedömning fungerade väl.'
		}
	},
	{
		enterprise: 'vasby-aterbruk',
		title: 'Arbetsträning i återbruket för deltagare i SAMRE',
		buyer: { kind: 'forbund', forbund: 'sus' },
		form: 'reserverad',
		starts: -340,
		ends: 25,
		extension: 'Förlängning 1 + 1 år',
		status: 'aktivt',
		insats: 'samre',
		places: [
			{ kind: 'arbetstraning', places: 3 },
			{ kind: 'praktik', places: 1 }
		],
		internal: {
			value: 420_000,
			diarienummer: 'SUS 2025/11',
			notes: 'Besluta om förlängning senast en månad före slutdatum.'
		}
	},
	{
		enterprise: 'rotebro-cykelverkstad',
		title: 'Förstärkt arbetsträning i cykelverkstaden',
		buyer: { kind: 'arbetsformedlingen' },
		form: 'af_avtal',
		starts: -200,
		ends: 165,
		status: 'aktivt',
		places: [{ kind: 'forstarkt_arbetstraning', places: 4 }],
		internal: { perDay: 300, notes: 'Arbetsförmedlingen anvisar deltagarna och betalar för närvarodagar.' }
	},
	{
		enterprise: 'tyresogarden',
		title: 'Partnerskap om arbetsträning på gården',
		buyer: { kind: 'forbund', forbund: 'ostra-sodertorn' },
		form: 'iop',
		starts: '2025-01-01',
		ends: '2027-12-31',
		status: 'aktivt',
		places: [{ kind: 'arbetstraning', places: 4 }],
		internal: { value: 900_000, diarienummer: 'ÖS 2024/31' }
	},
	{
		enterprise: 'arvika-aterbruk',
		title: 'Arbetsträning genom kommunens valfrihetssystem',
		buyer: { kind: 'kommun', municipality: 'Arvika' },
		form: 'lov',
		starts: '2025-03-01',
		ends: '2026-12-31',
		status: 'aktivt',
		places: [{ kind: 'arbetstraning', places: 2 }],
		internal: { value: 310_000 }
	}
];

const dayOf = (d: string | number) =>
	typeof d === 'string' ? d : new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

export async function insertDemoAsfAgreements(
	db: Kysely<Database>,
	{ forbundIds, author }: { forbundIds: Map<string, { id: number; regionId: number }>; author: number | null }
): Promise<void> {
	for (const a of demoAgreements) {
		const enterprise = await db
			.selectFrom('asf_enterprise')
			.select(['id', 'region_id'])
			.where('slug', '=', a.enterprise)
			.executeTakeFirst();
		if (!enterprise) throw new Error(`demo ASF agreement: no enterprise ${a.enterprise}`);
		const forbund = a.buyer.kind === 'forbund' ? forbundIds.get(a.buyer.forbund) : undefined;
		if (a.buyer.kind === 'forbund' && !forbund) throw new Error(`demo ASF agreement: no förbund ${a.buyer.forbund}`);
		const insats = a.insats
			? await db.selectFrom('insats').select('id').where('slug', '=', a.insats).executeTakeFirst()
			: undefined;
		const { id } = await db
			.insertInto('asf_agreement')
			.values({
				region_id: enterprise.region_id,
				enterprise_id: enterprise.id,
				title: a.title,
				buyer_kind: a.buyer.kind,
				buyer_forbund_id: forbund?.id ?? null,
				buyer_municipality: a.buyer.kind === 'kommun' ? (a.buyer.municipality ?? null) : null,
				form: a.form,
				starts_on: dayOf(a.starts),
				ends_on: dayOf(a.ends),
				extension: a.extension ?? '',
				status: a.status,
				insats_id: insats?.id ?? null,
				created_by: author,
				updated_by: author
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('asf_agreement_internal')
			.values({
				agreement_id: id,
				value_sek: a.internal.value ?? null,
				price_per_day_sek: a.internal.perDay ?? null,
				diarienummer: a.internal.diarienummer ?? '',
				notes: a.internal.notes ?? ''
			})
			.execute();
		await db
			.insertInto('asf_agreement_place')
			.values(a.places.map((p) => ({ agreement_id: id, ...p })))
			.execute();
	}
}
