import type { Kysely } from 'kysely';
import type {
	Database,
	InsatsAccessVia,
	InsatsContact,
	InsatsInriktning,
	InsatsIntake,
	InsatsLifeStatus,
	InsatsProvider,
	InsatsStatus,
	InsatsTargetGroup
} from '../schema.ts';

// The catalogue's demo insatser: SUS's SAMRE and its new insats for young people (seed 001), and
// insatser of the other Stockholm förbund and of Arvika-Eda, in our own words. The organisations
// and places are real; every person is invented. One is a draft and one is in review, so the
// catalogue can be seen to leave them out. Some counts are under 5, to show "<5".

export interface DemoInsatsYear {
	year: number;
	cost_budget?: number;
	cost_outcome?: number;
	esf_cost_budget?: number;
	planned_participants?: number;
	participants_women?: number;
	participants_men?: number;
	participants_other?: number;
	to_work?: number;
	to_studies?: number;
}

export interface DemoInsats {
	forbund: string;
	slug: string;
	name: string;
	summary: string;
	description: string;
	inriktning: InsatsInriktning;
	/** The label of its preciserad inriktning (migration 0021's reference data). */
	category: string;
	followUp: 'personuppgifter' | 'endast_antal';
	esf?: boolean;
	targetGroups: InsatsTargetGroup[];
	ageMin?: number;
	ageMax?: number;
	municipalities: string[];
	providers: InsatsProvider[];
	accessVia: InsatsAccessVia;
	accessText: string;
	intake: InsatsIntake;
	places: string;
	periodStart: string;
	periodEnd?: string;
	lifeStatus: InsatsLifeStatus;
	status?: InsatsStatus;
	reviewedAt?: string;
	contacts: InsatsContact[];
	years: DemoInsatsYear[];
	/** Gets a referral form (a small PDF the demo portal stores in its media storage). */
	referral?: boolean;
}

export const demoInsatser: DemoInsats[] = [
	{
		forbund: 'sus',
		slug: 'samre',
		name: 'SAMRE – Samordnad rehabilitering',
		summary:
			'Förrehabilitering steg för steg för dig som står långt från arbete, med stöd från flera myndigheter samtidigt.',
		description:
			'SAMRE samlar kommunen, regionens vård, Arbetsförmedlingen och Försäkringskassan kring den som behöver stöd från flera håll.\n\n' +
			'Deltagarna prövar sin arbetsförmåga i lugn takt, bland annat i verkstäder hos sociala företag, och varje steg följs upp och dokumenteras så att nästa myndighet får ett bra underlag.\n\n' +
			'Ledorden är **rätt person med rätt underlag till rätt myndighet**.',
		inriktning: 'individinriktad',
		category: 'Förrehabilitering och motivation',
		followUp: 'personuppgifter',
		targetGroups: ['sjukskrivna', 'psykisk_ohalsa', 'forsorjningsstod'],
		ageMin: 18,
		ageMax: 64,
		municipalities: ['Sollentuna', 'Upplands Väsby', 'Sigtuna'],
		providers: [
			{ organisation: 'Samordningsförbundet SUS', role: 'huvudman', kind: 'annan' },
			{ organisation: 'VioNi, Sigtuna Hantverkshus', role: 'utforare', kind: 'socialt_foretag' }
		],
		accessVia: 'handlaggare',
		accessText:
			'Din handläggare på kommunen, vårdcentralen, Arbetsförmedlingen eller Försäkringskassan skickar en remiss.',
		intake: 'ja',
		places: 'Märsta och Upplands Väsby',
		periodStart: '2018-01-01',
		lifeStatus: 'pagaende',
		reviewedAt: '2026-09-15',
		contacts: [
			{
				name: 'Helena Bergkvist',
				title: 'Projektledare',
				email: 'samre@demo.regionportalen.se',
				phone: '08-555 010 20'
			}
		],
		years: [
			{
				year: 2024,
				cost_budget: 2_400_000,
				cost_outcome: 2_310_000,
				planned_participants: 40,
				participants_women: 22,
				participants_men: 15,
				participants_other: 2,
				to_work: 6,
				to_studies: 3
			},
			{
				year: 2025,
				cost_budget: 2_500_000,
				cost_outcome: 2_480_000,
				planned_participants: 40,
				participants_women: 25,
				participants_men: 17,
				participants_other: 1,
				to_work: 8,
				to_studies: 4
			}
		],
		referral: true
	},
	{
		forbund: 'sus',
		slug: 'motesplats-unga',
		name: 'Mötesplats för unga',
		summary:
			'En mötesplats i Upplands Väsby för unga som varken arbetar eller studerar: vägledning, kurator och mentorer på ett ställe.',
		description:
			'På mötesplatsen finns flera myndigheter på samma ställe: studie- och yrkesvägledning, kuratorsstöd, hälsovägledning och mentorer från näringslivet.\n\n' +
			'Du kan komma hit själv, utan remiss. Vi arbetar också uppsökande.',
		inriktning: 'individinriktad',
		category: 'Stöd till arbete eller studier',
		followUp: 'endast_antal',
		esf: true,
		targetGroups: ['unga', 'npf', 'aktivitetsersattning'],
		ageMin: 16,
		ageMax: 29,
		municipalities: ['Upplands Väsby', 'Sollentuna', 'Sigtuna'],
		providers: [
			{ organisation: 'Upplands Väsby kommun', role: 'huvudman', kind: 'kommun' },
			{ organisation: 'Arbetsförmedlingen', role: 'utforare', kind: 'arbetsformedlingen' }
		],
		accessVia: 'bada',
		accessText: 'Kom förbi på våra öppettider, eller be din handläggare att höra av sig.',
		intake: 'ja',
		places: 'Centrala Upplands Väsby',
		periodStart: '2025-01-01',
		periodEnd: '2027-12-31',
		lifeStatus: 'pagaende',
		reviewedAt: '2026-11-02',
		contacts: [
			{ name: 'Jonas Ek', title: 'Samordnare för unga', email: 'unga@demo.regionportalen.se', phone: '08-555 010 30' }
		],
		years: [
			{
				year: 2025,
				cost_budget: 1_800_000,
				esf_cost_budget: 600_000,
				cost_outcome: 1_650_000,
				planned_participants: 30,
				participants_women: 9,
				participants_men: 11,
				participants_other: 3,
				to_work: 4,
				to_studies: 7
			}
		],
		referral: true
	},
	{
		forbund: 'sus',
		slug: 'natur-och-halsa',
		name: 'Natur och hälsa',
		summary: 'Naturbaserad rehabilitering i trädgård och skog för dig som är sjukskriven.',
		description:
			'Ett utkast till en ny insats som bygger på erfarenheter från frukostmötet om natur och rehabilitering.',
		inriktning: 'individinriktad',
		category: 'Arbetslivsinriktad rehabilitering',
		followUp: 'endast_antal',
		targetGroups: ['sjukskrivna'],
		municipalities: ['Sollentuna'],
		providers: [],
		accessVia: 'handlaggare',
		accessText: '',
		intake: 'nej',
		places: '',
		periodStart: '2027-01-01',
		lifeStatus: 'planerad',
		status: 'draft',
		contacts: [],
		years: []
	},
	{
		forbund: 'sundbyberg',
		slug: 'steget-vidare',
		name: 'Steget vidare',
		summary: 'Individuellt stöd mot arbete för dig som har försörjningsstöd och har varit utan arbete länge.',
		description: 'En arbetscoach följer dig hela vägen, från kartläggning till praktik och anställning.',
		inriktning: 'individinriktad',
		category: 'Stöd till arbete eller studier',
		followUp: 'personuppgifter',
		targetGroups: ['forsorjningsstod', 'langtidsarbetslosa'],
		ageMin: 18,
		ageMax: 65,
		municipalities: ['Sundbyberg'],
		providers: [{ organisation: 'Sundbybergs stad', role: 'utforare', kind: 'kommun' }],
		accessVia: 'handlaggare',
		accessText: 'Prata med din handläggare på socialtjänsten.',
		intake: 'vantelista',
		places: 'Sundbyberg centrum',
		periodStart: '2023-03-01',
		lifeStatus: 'pagaende',
		reviewedAt: '2025-06-10',
		contacts: [
			{ name: 'Amira Haddad', title: 'Arbetscoach', email: 'steget@demo.regionportalen.se', phone: '08-555 020 10' }
		],
		years: [
			{
				year: 2025,
				cost_budget: 900_000,
				cost_outcome: 870_000,
				participants_women: 4,
				participants_men: 6,
				to_work: 3
			}
		]
	},
	{
		forbund: 'stockholms-stad',
		slug: 'samverkansdagar',
		name: 'Samverkansdagar för handläggare',
		summary: 'Utbildningsdagar där handläggare från fyra myndigheter lär känna varandras uppdrag.',
		description:
			'Varje termin träffas handläggare från staden, regionen, Arbetsförmedlingen och Försäkringskassan under två dagar.',
		inriktning: 'strukturovergripande',
		category: 'Kompetensutveckling',
		followUp: 'endast_antal',
		targetGroups: ['personal'],
		municipalities: ['Stockholm'],
		providers: [{ organisation: 'Samordningsförbundet Stockholms stad', role: 'huvudman', kind: 'annan' }],
		accessVia: 'sjalv',
		accessText: 'Anmäl dig via förbundets kansli.',
		intake: 'ja',
		places: 'Stockholm',
		periodStart: '2022-01-01',
		lifeStatus: 'ordinarie',
		reviewedAt: '2026-02-01',
		contacts: [
			{ name: 'Per Olofsson', title: 'Förbundssamordnare', email: 'kansli@demo.regionportalen.se', phone: '' }
		],
		years: [{ year: 2025, cost_budget: 300_000, cost_outcome: 280_000, participants_women: 48, participants_men: 19 }]
	},
	{
		forbund: 'sodertalje',
		slug: 'unga-in',
		name: 'Unga in',
		summary: 'Stöd för unga nyanlända att komma in i studier och arbete i Södertälje och Nykvarn.',
		description: 'Språkstöd, studievägledning och praktikplatser hos lokala arbetsgivare.',
		inriktning: 'individinriktad',
		category: 'Stöd till arbete eller studier',
		followUp: 'endast_antal',
		targetGroups: ['unga', 'nyanlanda'],
		ageMin: 16,
		ageMax: 25,
		municipalities: ['Södertälje', 'Nykvarn'],
		providers: [{ organisation: 'Södertälje kommun', role: 'utforare', kind: 'kommun' }],
		accessVia: 'bada',
		accessText: 'Hör av dig direkt, eller via din handläggare.',
		intake: 'ja',
		places: 'Södertälje',
		periodStart: '2024-08-01',
		periodEnd: '2026-12-31',
		lifeStatus: 'pagaende',
		status: 'review',
		contacts: [{ name: 'Lejla Marić', title: 'Handledare', email: 'ungain@demo.regionportalen.se', phone: '' }],
		years: []
	},
	{
		forbund: 'arvika-eda',
		slug: 'framtidsverkstan',
		name: 'Framtidsverkstan',
		summary:
			'Arbetsträning i verkstad och café för dig som har aktivitetsersättning eller har varit sjukskriven länge.',
		description: 'I Framtidsverkstan i Arvika tränar du i din egen takt, med en handledare och i en riktig verksamhet.',
		inriktning: 'individinriktad',
		category: 'Arbetslivsinriktad rehabilitering',
		followUp: 'personuppgifter',
		targetGroups: ['aktivitetsersattning', 'sjukskrivna_utan_sgi'],
		ageMin: 19,
		ageMax: 64,
		municipalities: ['Arvika', 'Eda'],
		providers: [
			{ organisation: 'Arvika kommun', role: 'huvudman', kind: 'kommun' },
			{ organisation: 'Studieförbund i Värmland', role: 'utforare', kind: 'ideburen' }
		],
		accessVia: 'handlaggare',
		accessText: 'Din handläggare skickar remissen till förbundet.',
		intake: 'ja',
		places: 'Arvika och Charlottenberg',
		periodStart: '2021-09-01',
		lifeStatus: 'pagaende',
		reviewedAt: '2026-05-20',
		contacts: [
			{
				name: 'Karin Sjöström',
				title: 'Verksamhetsledare',
				email: 'framtid@demo.regionportalen.se',
				phone: '0570-555 100'
			}
		],
		years: [
			{
				year: 2024,
				cost_budget: 1_100_000,
				cost_outcome: 1_050_000,
				participants_women: 7,
				participants_men: 3,
				to_work: 2,
				to_studies: 1
			},
			{
				year: 2025,
				cost_budget: 1_150_000,
				cost_outcome: 1_120_000,
				participants_women: 8,
				participants_men: 5,
				to_work: 2
			}
		],
		referral: true
	},
	{
		forbund: 'arvika-eda',
		slug: 'kartlaggning-unga-eda',
		name: 'Kartläggning av unga i Eda',
		summary: 'En kartläggning av hur många unga i Eda som varken arbetar eller studerar, och vad de behöver.',
		description: 'Kartläggningen blev klar 2024 och ligger till grund för förbundets verksamhetsplan.',
		inriktning: 'strukturovergripande',
		category: 'Kartläggning och analys',
		followUp: 'endast_antal',
		targetGroups: ['unga'],
		municipalities: ['Eda'],
		providers: [{ organisation: 'Eda kommun', role: 'utforare', kind: 'kommun' }],
		accessVia: 'handlaggare',
		accessText: '',
		intake: 'nej',
		places: 'Eda',
		periodStart: '2023-09-01',
		periodEnd: '2024-06-30',
		lifeStatus: 'avslutad',
		reviewedAt: '2024-08-15',
		contacts: [],
		years: []
	}
];

/** The demo insatser of the förbund that exist, as published (or draft, or in review) by the owner. */
export async function insertDemoInsatser(
	trx: Kysely<Database>,
	ids: { forbundIds: Map<string, { id: number; regionId: number }>; author: (forbund: string) => number | null }
): Promise<void> {
	const categories = new Map(
		(await trx.selectFrom('insats_precise_category').select(['id', 'label']).execute()).map((c) => [c.label, c.id])
	);
	for (const d of demoInsatser) {
		const owner = ids.forbundIds.get(d.forbund);
		const category = categories.get(d.category);
		if (!owner || !category) continue;
		const status = d.status ?? 'published';
		const author = ids.author(d.forbund);
		const { id } = await trx
			.insertInto('insats')
			.values({
				region_id: owner.regionId,
				forbund_id: owner.id,
				slug: d.slug,
				name: d.name,
				summary: d.summary,
				description: d.description,
				inriktning: d.inriktning,
				precise_category_id: category,
				follow_up: d.followUp,
				esf: d.esf ?? false,
				target_groups: d.targetGroups,
				age_min: d.ageMin ?? null,
				age_max: d.ageMax ?? null,
				municipalities: d.municipalities,
				providers: JSON.stringify(d.providers),
				access_via: d.accessVia,
				access_text: d.accessText,
				intake: d.intake,
				intake_as_of: d.intake === 'ja' ? null : '2026-11-01',
				contacts: JSON.stringify(d.contacts),
				places: d.places,
				period_start: d.periodStart,
				period_end: d.periodEnd ?? null,
				life_status: d.lifeStatus,
				status,
				submitted_at: status === 'draft' ? null : new Date('2026-10-01T08:00:00Z'),
				published_at: status === 'published' ? new Date('2026-10-02T08:00:00Z') : null,
				reviewed_at: d.reviewedAt ?? null,
				author_id: author,
				updated_by: author
			} as never)
			.returning('id')
			.executeTakeFirstOrThrow();
		if (d.years.length) {
			await trx
				.insertInto('insats_year')
				.values(d.years.map((y) => ({ insats_id: id, ...y })) as never)
				.execute();
		}
	}
}

/**
 * A minimal one-page PDF with a line of text, for the demo's referral forms: the demo portal stores
 * it in its media storage and links it with setDemoReferral.
 */
export function demoReferralPdf(title: string): Uint8Array {
	const text = title.replace(/[()\\]/g, '').replace(/[^\x20-\x7e]/g, '?');
	const stream = `BT /F1 18 Tf 72 720 Td (Remiss: ${text}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((o, i) => {
		offsets.push(body.length);
		body += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = body.length;
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return new TextEncoder().encode(body);
}

/** The demo insatser that get a referral form, by förbund and slug. */
export const demoReferrals = demoInsatser
	.filter((d) => d.referral)
	.map((d) => ({ forbund: d.forbund, slug: d.slug, name: d.name }));
