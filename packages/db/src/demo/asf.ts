import type { Kysely } from 'kysely';
import type { AsfContact, AsfCriteria, AsfPlaceKind, Database, NewAsfEnterprise } from '../schema.ts';

// The demo's register of social enterprises. VioNi in Märsta and its remake workshop at Sigtuna
// Hantverkshus are real, as are SAMRE's pre-rehabilitation places there from 2018; the other
// enterprises, every organisation number (valid, but invented), every text and every person are
// ours. Coompanion, the support organisation for cooperatives, appears where the real ones name it.

const ALL_MET: AsfCriteria = {
	syfte: { met: true, note: '' },
	delaktighet: { met: true, note: 'Medarbetarna är medlemmar i föreningen.' },
	aterinvestering: { met: true, note: '' },
	oberoende: { met: true, note: '' }
};

interface DemoEnterprise {
	region: string;
	values: Omit<NewAsfEnterprise, 'region_id' | 'criteria' | 'contacts'>;
	criteria?: AsfCriteria;
	contacts: AsfContact[];
	workplaces: { name: string; street: string; postal_code: string; city: string; municipality: string }[];
	places: { kind: AsfPlaceKind; max: number; free: number; daysAgo: number }[];
	/** A certification that ends this many days after the seeding (valid two years). */
	certificationEndsInDays?: number;
	staffing: { year: number; employees: number; from_target_groups: number }[];
}

/** The slug of VioNi's page, which the e2e tests open. */
export const VIONI = 'vioni';

export const demoEnterprises: DemoEnterprise[] = [
	{
		region: 'stockholm',
		values: {
			slug: VIONI,
			name: 'VioNi',
			org_number: '769612-1214',
			legal_form: 'ekonomisk_forening',
			business_lines: ['redesign_textil', 'second_hand', 'snickeri_hantverk'],
			municipalities: ['Sigtuna', 'Upplands Väsby', 'Sollentuna'],
			skoopi_member: true,
			certified_on: '2025-09-15',
			target_groups: ['langtidsarbetslosa', 'psykisk_ohalsa', 'forsorjningsstod', 'sjukskrivna'],
			follow_up: ['arbetsformagebedomning', 'narvarorapport', 'handlingsplan'],
			follow_up_note: 'Handledaren skriver en bedömning av arbetsförmågan efter varje period.',
			summary:
				'Remakeverkstad i Märsta där gamla textilier och möbler blir nya saker, och där man tränar på att arbeta.',
			description:
				'VioNi driver en remakeverkstad på Sigtuna Hantverkshus i Märsta. Här syr, snickrar och säljer medarbetarna saker av material som annars skulle ha slängts.\n\nSedan 2018 köper Samordningsförbundet Sigtuna, Upplands Väsby och Sollentuna (SUS) förrehabiliteringsplatser hos VioNi inom insatsen SAMRE. Den som börjar får en handledare och ett eget schema, och tempot ökar i takt med orken.\n\nFöreningen startade med stöd av Coompanion och ägs av sina medarbetare.',
			website: 'https://vioni.example.se'
		},
		criteria: ALL_MET,
		contacts: [
			{
				role: 'verksamhetsansvarig',
				name: 'Birgitta Alm',
				email: 'verksamhet@vioni.example.se',
				phone: '08-591 234 00'
			},
			{ role: 'handledare', name: 'Yusuf Demir', email: 'handledare@vioni.example.se', phone: '08-591 234 01' }
		],
		workplaces: [
			{
				name: 'Remakeverkstaden, Sigtuna Hantverkshus',
				street: 'Hantverksgatan 3',
				postal_code: '195 30',
				city: 'Märsta',
				municipality: 'Sigtuna'
			}
		],
		places: [
			{ kind: 'forrehabilitering', max: 6, free: 2, daysAgo: 6 },
			{ kind: 'arbetstraning', max: 8, free: 0, daysAgo: 6 }
		],
		staffing: [
			{ year: 2025, employees: 9, from_target_groups: 6 },
			{ year: 2024, employees: 8, from_target_groups: 5 }
		]
	},
	{
		region: 'stockholm',
		values: {
			slug: 'vasby-aterbruk',
			name: 'Väsby Återbruk',
			org_number: '802547-3276',
			legal_form: 'ideell_forening',
			business_lines: ['second_hand', 'transport_flytt'],
			municipalities: ['Upplands Väsby', 'Sollentuna'],
			target_groups: ['langtidsarbetslosa', 'nyanlanda', 'unga'],
			follow_up: ['narvarorapport', 'slutrapport'],
			summary: 'Second hand-butik med hämtning och små flyttar, med platser för arbetsträning och praktik.',
			description:
				'Väsby Återbruk tar emot möbler och husgeråd, rustar upp dem och säljer dem i butiken vid stationen. Deltagarna arbetar i butiken, i lagret och på bilen.',
			skoopi_member: true,
			// Set when seeded: its certification ends in 40 days, so the watch lists it.
			certified_on: null
		},
		certificationEndsInDays: 40,
		contacts: [
			{ role: 'verksamhetsansvarig', name: 'Tomas Ekholm', email: 'info@vasbyaterbruk.example.se', phone: '' }
		],
		workplaces: [
			{
				name: 'Butiken',
				street: 'Stationsvägen 12',
				postal_code: '194 30',
				city: 'Upplands Väsby',
				municipality: 'Upplands Väsby'
			}
		],
		places: [
			{ kind: 'arbetstraning', max: 5, free: 1, daysAgo: 12 },
			{ kind: 'praktik', max: 3, free: 0, daysAgo: 12 }
		],
		staffing: [{ year: 2025, employees: 6, from_target_groups: 4 }]
	},
	{
		region: 'stockholm',
		values: {
			slug: 'rotebro-cykelverkstad',
			name: 'Rotebro Cykelverkstad',
			org_number: '769634-5144',
			legal_form: 'aktiebolag_svb',
			business_lines: ['cykel_fordon'],
			municipalities: ['Sollentuna'],
			target_groups: ['unga', 'npf', 'aktivitetsersattning'],
			follow_up: ['arbetsformagebedomning'],
			summary: 'Cykelreparationer och uthyrning, med förstärkt arbetsträning för unga.',
			description: 'Verkstaden lagar cyklar åt privatpersoner och företag i Sollentuna och hyr ut lådcyklar.'
		},
		contacts: [{ role: 'handledare', name: 'Lars Öhman', email: 'verkstad@rotebro.example.se', phone: '08-35 12 00' }],
		workplaces: [
			{
				name: 'Verkstaden',
				street: 'Rotebrovägen 40',
				postal_code: '192 77',
				city: 'Sollentuna',
				municipality: 'Sollentuna'
			}
		],
		// Not updated for more than 30 days: flagged on the coordinator's register.
		places: [{ kind: 'forstarkt_arbetstraning', max: 4, free: 1, daysAgo: 45 }],
		staffing: [{ year: 2025, employees: 4, from_target_groups: 2 }]
	},
	{
		region: 'stockholm',
		values: {
			slug: 'tyresogarden',
			name: 'Tyresögården Kafé och Trädgård',
			org_number: '716455-9747',
			legal_form: 'stiftelse',
			business_lines: ['kafe_restaurang', 'tradgard_gronyta', 'catering'],
			municipalities: ['Tyresö', 'Haninge', 'Nynäshamn'],
			target_groups: ['psykisk_ohalsa', 'sjukskrivna', 'missbruk'],
			follow_up: ['arbetsformagebedomning', 'kartlaggning'],
			summary: 'Kafé och handelsträdgård med arbetsträning i lugnt tempo.',
			description:
				'Stiftelsen driver ett kafé och en handelsträdgård och levererar catering till möten och konferenser.'
		},
		contacts: [{ role: 'verksamhetsansvarig', name: 'Nadia Holmér', email: 'kafe@tyresogarden.example.se', phone: '' }],
		workplaces: [
			{ name: 'Kaféet', street: 'Gårdsvägen 1', postal_code: '135 60', city: 'Tyresö', municipality: 'Tyresö' }
		],
		places: [
			{ kind: 'arbetstraning', max: 10, free: 4, daysAgo: 3 },
			{ kind: 'arbetsprovning', max: 2, free: 2, daysAgo: 3 }
		],
		staffing: [{ year: 2025, employees: 12, from_target_groups: 3 }]
	},
	{
		region: 'varmland-dalsland',
		values: {
			slug: 'arvika-aterbruk',
			name: 'Arvika Återbruk och Textil',
			org_number: '802461-5240',
			legal_form: 'ekonomisk_forening',
			business_lines: ['second_hand', 'redesign_textil'],
			municipalities: ['Arvika', 'Eda'],
			target_groups: ['langtidsarbetslosa', 'nyanlanda'],
			follow_up: ['narvarorapport'],
			summary: 'Återbruk och syverkstad i Arvika.',
			description:
				'Föreningen sorterar, lagar och säljer kläder och textilier, och syr nytt av det som inte går att sälja.'
		},
		criteria: ALL_MET,
		contacts: [{ role: 'verksamhetsansvarig', name: 'Eva Brandt', email: 'info@arvikaaterbruk.example.se', phone: '' }],
		workplaces: [
			{
				name: 'Butik och syverkstad',
				street: 'Storgatan 20',
				postal_code: '671 30',
				city: 'Arvika',
				municipality: 'Arvika'
			}
		],
		places: [{ kind: 'arbetstraning', max: 6, free: 3, daysAgo: 8 }],
		staffing: [{ year: 2025, employees: 7, from_target_groups: 5 }]
	},
	{
		region: 'varmland-dalsland',
		values: {
			slug: 'eda-kafe-catering',
			name: 'Eda Kafé & Catering',
			org_number: '769640-6623',
			legal_form: 'aktiebolag_svb',
			business_lines: ['kafe_restaurang', 'catering'],
			municipalities: ['Eda', 'Arvika'],
			target_groups: ['unga', 'forsorjningsstod'],
			summary: 'Lunchkafé i Charlottenberg som lagar mat till skolor och möten.'
		},
		contacts: [],
		workplaces: [
			{ name: 'Kaféet', street: 'Järnvägsgatan 5', postal_code: '673 32', city: 'Charlottenberg', municipality: 'Eda' }
		],
		places: [{ kind: 'praktik', max: 3, free: 0, daysAgo: 20 }],
		staffing: []
	}
];

/** The certification date (valid two years) that makes a certification end `days` from today. */
function certifiedOnFor(days: number): string {
	const ends = new Date(Date.now() + days * 86_400_000);
	ends.setUTCFullYear(ends.getUTCFullYear() - 2);
	return ends.toISOString().slice(0, 10);
}

/** The enterprises, their workplaces, places (with a first history row) and staffing, and a note. */
export async function insertDemoAsf(
	db: Kysely<Database>,
	{ regionIds, author }: { regionIds: Map<string, number>; author: number | null }
): Promise<void> {
	for (const e of demoEnterprises) {
		const regionId = regionIds.get(e.region);
		if (regionId === undefined) throw new Error(`demo ASF: no region ${e.region}`);
		const { id } = await db
			.insertInto('asf_enterprise')
			.values({
				...e.values,
				...(e.certificationEndsInDays === undefined ? {} : { certified_on: certifiedOnFor(e.certificationEndsInDays) }),
				region_id: regionId,
				criteria: JSON.stringify(e.criteria ?? {}),
				contacts: JSON.stringify(e.contacts),
				created_by: author,
				updated_by: author
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (e.workplaces.length) {
			await db
				.insertInto('asf_workplace')
				.values(e.workplaces.map((w, position) => ({ ...w, enterprise_id: id, position })))
				.execute();
		}
		if (e.staffing.length) {
			await db
				.insertInto('asf_staffing')
				.values(e.staffing.map((s) => ({ ...s, enterprise_id: id })))
				.execute();
		}
		for (const p of e.places) {
			const asOf = new Date(Date.now() - p.daysAgo * 24 * 3600 * 1000);
			const place = await db
				.insertInto('asf_place')
				.values({ enterprise_id: id, kind: p.kind, max_places: p.max, free_places: p.free, free_as_of: asOf })
				.returning('id')
				.executeTakeFirstOrThrow();
			await db
				.insertInto('asf_place_history')
				.values({ place_id: place.id, free_places: p.free, via: 'lank', recorded_at: asOf })
				.execute();
		}
		if (e.values.slug === VIONI && author !== null) {
			await db
				.insertInto('asf_note')
				.values({
					enterprise_id: id,
					author_id: author,
					body: 'Uppföljningsmöte i oktober: handledningen fungerar bra, och deltagarna från SAMRE trivs. Nästa avstämning i mars.'
				})
				.execute();
		}
	}
}
