import type { Kysely } from 'kysely';
import type { AsfRequestNeed, AsfRequestStep, Database } from '../schema.ts';

// The demo's place requests: SUS's insatspersonal asking the Stockholm ASF-samordnare for places.
// One started at VioNi (the SAMRE pre-rehabilitation), one proposed at Väsby Återbruk, one new. No
// personal data, as in real use: age bands, needs and a short text.

const DAY = 24 * 3600 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const isoDaysAhead = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

interface DemoRequest {
	placeKind: 'forrehabilitering' | 'arbetstraning' | 'praktik';
	ageBand: '18-24' | '25-29' | '30-39' | '40-49' | '50-59';
	needs: AsfRequestNeed[];
	description: string;
	municipality: string;
	wishedStartInDays: number;
	enterprise: string | null;
	/** The steps after the request was sent, with how many days ago each happened. */
	steps: { step: Exclude<AsfRequestStep, 'skapad'>; daysAgo: number; note?: string }[];
	sentDaysAgo: number;
}

const requests: DemoRequest[] = [
	{
		placeKind: 'forrehabilitering',
		ageBand: '40-49',
		needs: ['upptrappning', 'lugn_miljo', 'nara_handledning'],
		description: 'Har varit borta från arbetslivet länge. Gillar att sy och vill börja med två timmar om dagen.',
		municipality: 'Sigtuna',
		wishedStartInDays: -7,
		enterprise: 'vioni',
		sentDaysAgo: 20,
		steps: [
			{ step: 'foreslagen', daysAgo: 18 },
			{ step: 'besok', daysAgo: 14, note: 'Besök i remakeverkstaden tillsammans med handläggaren.' },
			{ step: 'startad', daysAgo: 7, note: 'Två timmar om dagen de första veckorna.' }
		]
	},
	{
		placeKind: 'arbetstraning',
		ageBand: '25-29',
		needs: ['struktur', 'socialt_sammanhang'],
		description: 'Vill pröva butiksarbete och kassa.',
		municipality: 'Upplands Väsby',
		wishedStartInDays: 14,
		enterprise: 'vasby-aterbruk',
		sentDaysAgo: 5,
		steps: [{ step: 'foreslagen', daysAgo: 3 }]
	},
	{
		placeKind: 'praktik',
		ageBand: '18-24',
		needs: ['svenska', 'struktur'],
		description: 'Intresserad av kök och servering.',
		municipality: 'Sollentuna',
		wishedStartInDays: 30,
		enterprise: null,
		sentDaysAgo: 1,
		steps: []
	}
];

export async function insertDemoAsfRequests(
	db: Kysely<Database>,
	{ forbundId, requester, coordinator }: { forbundId: number; requester: number | null; coordinator: number | null }
): Promise<void> {
	const { region_id } = await db
		.selectFrom('forbund')
		.select('region_id')
		.where('id', '=', forbundId)
		.executeTakeFirstOrThrow();
	for (const r of requests) {
		const enterprise = r.enterprise
			? await db
					.selectFrom('asf_enterprise')
					.select('id')
					.where('region_id', '=', region_id)
					.where('slug', '=', r.enterprise)
					.executeTakeFirstOrThrow()
			: null;
		const last = r.steps.at(-1);
		const { id } = await db
			.insertInto('asf_request')
			.values({
				region_id,
				forbund_id: forbundId,
				requested_by: requester,
				place_kind: r.placeKind,
				age_band: r.ageBand,
				needs: r.needs,
				description: r.description,
				municipality: r.municipality,
				wished_start: isoDaysAhead(r.wishedStartInDays),
				status: last?.step ?? 'ny',
				enterprise_id: enterprise?.id ?? null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('asf_request_step')
			.values([
				{
					request_id: id,
					step: 'skapad' as const,
					happened_at: daysAgo(r.sentDaysAgo),
					recorded_at: daysAgo(r.sentDaysAgo),
					recorded_by: requester
				},
				...r.steps.map((s) => ({
					request_id: id,
					step: s.step,
					enterprise_id: enterprise?.id ?? null,
					happened_at: daysAgo(s.daysAgo),
					recorded_at: daysAgo(s.daysAgo),
					note: s.note ?? '',
					recorded_by: coordinator
				}))
			])
			.execute();
	}
}
