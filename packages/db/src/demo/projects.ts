import type { Kysely } from 'kysely';
import type { Database, ProjectContact } from '../schema.ts';

// The demo's joint project: MIA — Mobilisering inför arbete, the ESF project (2016/00403) that
// Samordningsförbundet Östra Södertörn owned for the county's förbund, first with six of them and
// then, as MIA Vidare, with all eight. The organisations, the diarienummer and the budget's totals
// are the project's own; the texts are ours and every person is invented. Each partner's part of a
// phase is its delprojekt: that förbund's insats, with figures per year (a few under 5, to show "<5").

export const MIA = {
	slug: 'mia',
	owner: 'ostra-sodertorn',
	/** The first phase's budget: 136,883,875 kr in all, of which the ESF's 91,752,514 kr. */
	total: 136_883_875,
	esf: 91_752_514
} as const;

/** The six förbund of the first phase, the owner first; MIA Vidare has all eight. */
export const MIA_FIRST_PARTNERS = ['ostra-sodertorn', 'sodertalje', 'hbs', 'varna', 'stockholms-stad', 'roslagen'];
export const MIA_VIDARE_PARTNERS = [...MIA_FIRST_PARTNERS, 'sus', 'sundbyberg'];

const contacts: ProjectContact[] = [
	{
		role: 'projektchef',
		name: 'Maja Lindqvist',
		email: 'projektchef.mia@demo.regionportalen.se',
		phone: '08-123 450 10'
	},
	{ role: 'ekonom', name: 'Oskar Nyberg', email: 'ekonomi.mia@demo.regionportalen.se', phone: '08-123 450 11' },
	{ role: 'ekonom', name: 'Leila Sandberg', email: 'ekonomi2.mia@demo.regionportalen.se', phone: '08-123 450 12' }
];

/** The delprojekt's projektledare, one per förbund (invented). */
const LEADERS: Record<string, string> = {
	'ostra-sodertorn': 'Hanna Forsberg',
	sodertalje: 'Elias Wikström',
	hbs: 'Sofia Mattsson',
	varna: 'Ahmed Karimi',
	'stockholms-stad': 'Ida Sjögren',
	roslagen: 'Viktor Lundgren',
	sus: 'Emma Backlund',
	sundbyberg: 'Noah Eklund'
};

const text = {
	summary:
		'Ett ESF-projekt där länets samordningsförbund tillsammans gav stöd på vägen mot arbete eller studier ' +
		'till personer som stått långt från arbetsmarknaden.',
	purpose:
		'MIA skulle korta vägen till arbete eller studier för personer som länge stått utanför ' +
		'arbetsmarknaden, och samtidigt pröva arbetssätt som förbunden och deras medlemmar kan ta över ' +
		'när projektet är slut.\n\nVarje förbund drev ett eget **delprojekt** med egen projektledare, men ' +
		'metoderna, uppföljningen och redovisningen till Europeiska socialfonden var gemensamma.',
	targetGroups:
		'Personer 16–64 år som har försörjningsstöd, aktivitetsersättning eller sjukersättning, eller som ' +
		'varit sjukskrivna länge, och som behöver samordnat stöd för att komma vidare.',
	methods:
		'Supported Employment och IPS, case management, mobiliseringskurser i grupp och arbetsträning hos ' +
		'sociala företag.',
	goals:
		'30 procent av deltagarna till arbete eller studier och 40 procent vidare till Arbetsförmedlingens ' + 'insatser.',
	referral:
		'Handläggare på kommunen, Arbetsförmedlingen, Försäkringskassan eller vården anmäler deltagare till ' +
		'delprojektet i sitt förbund. Kontakta projektledaren där för en anmälningsblankett.'
};

type YearFigures = [year: number, women: number, men: number, other: number, toWork: number, toStudies: number];

/** Invented figures per year of a delprojekt: larger förbund had more participants. */
function figures(index: number, years: number[]): YearFigures[] {
	return years.map((year, i) => {
		const base = 18 + ((index * 7 + i * 5) % 23);
		// A few small counts, as real small delprojekt have.
		return [year, base, base - 4, (index + i) % 3, Math.round(base * 0.3), (index + i) % 4 === 0 ? 3 : 6];
	});
}

/** Seeds MIA with its two phases, partners, budget, indicators, milestones, delprojekt and a news item. */
export async function insertDemoProjects(
	trx: Kysely<Database>,
	ids: { forbundIds: Map<string, { id: number; regionId: number }>; author: (forbund: string) => number | null }
): Promise<void> {
	const owner = ids.forbundIds.get(MIA.owner);
	if (!owner) return;
	const forbund = new Map(
		(await trx.selectFrom('forbund').select(['slug', 'id', 'short_name', 'municipalities']).execute()).map((f) => [
			f.slug,
			f
		])
	);
	const category = await trx
		.selectFrom('insats_precise_category')
		.select('id')
		.where('label', '=', 'Arbetslivsinriktad rehabilitering')
		.executeTakeFirstOrThrow();
	const author = ids.author(MIA.owner);
	const project = await trx
		.insertInto('project')
		.values({
			region_id: owner.regionId,
			owner_forbund_id: owner.id,
			slug: MIA.slug,
			name: 'MIA',
			full_name: 'Mobilisering inför arbete',
			summary: text.summary,
			purpose: text.purpose,
			target_groups: text.targetGroups,
			methods: text.methods,
			goals: text.goals,
			referral: text.referral,
			esf: true,
			planned_participants: 2500,
			contacts: JSON.stringify(contacts),
			life_status: 'avslutad',
			status: 'published',
			submitted_at: new Date('2016-10-20T08:00:00Z'),
			published_at: new Date('2016-12-05T08:00:00Z'),
			author_id: author,
			updated_by: author
		})
		.returning('id')
		.executeTakeFirstOrThrow();

	const phase = async (values: {
		position: number;
		name: string;
		decision_date: string;
		period_start: string;
		period_end: string;
		esf_diarienummer: string;
		planned_participants: number;
	}) =>
		(
			await trx
				.insertInto('project_phase')
				.values({ project_id: project.id, ...values })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	const first = await phase({
		position: 1,
		name: 'MIA',
		decision_date: '2016-12-01',
		period_start: '2016-12-01',
		period_end: '2020-08-31',
		esf_diarienummer: '2016/00403',
		planned_participants: 2500
	});
	const vidare = await phase({
		position: 2,
		name: 'MIA Vidare',
		decision_date: '2020-06-15',
		period_start: '2020-09-01',
		period_end: '2022-12-31',
		esf_diarienummer: '2016/00403',
		planned_participants: 1200
	});

	/** Adds the partners of a phase; returns each one's id by förbund slug or organisation name. */
	async function partners(
		phaseId: number,
		slugs: string[],
		organisations: [string, 'samarbetspart' | 'deltagande_aktor' | 'medfinansiar'][]
	) {
		const found = new Map<string, number>();
		for (const [position, slug] of slugs.entries()) {
			const { id } = await trx
				.insertInto('project_partner')
				.values({
					phase_id: phaseId,
					forbund_id: forbund.get(slug)!.id,
					role: slug === MIA.owner ? 'projektagare' : 'samverkanspart',
					position
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			found.set(slug, id);
		}
		for (const [organisation, role] of organisations) {
			const { id } = await trx
				.insertInto('project_partner')
				.values({ phase_id: phaseId, organisation, role, position: 100 })
				.returning('id')
				.executeTakeFirstOrThrow();
			found.set(organisation, id);
		}
		return found;
	}
	const firstPartners = await partners(first, MIA_FIRST_PARTNERS, [
		['Arbetsförmedlingen', 'samarbetspart'],
		['Försäkringskassan', 'deltagande_aktor'],
		['Region Stockholm', 'deltagande_aktor']
	]);
	const vidarePartners = await partners(vidare, MIA_VIDARE_PARTNERS, [
		['Arbetsförmedlingen', 'samarbetspart'],
		['Försäkringskassan', 'deltagande_aktor'],
		['Region Stockholm', 'medfinansiar']
	]);

	await trx.insertInto('project_funding').values(firstPhaseFunding(first, firstPartners)).execute();
	await trx
		.insertInto('project_funding')
		.values([
			{ phase_id: vidare, partner_id: null, year: 2021, form: 'pengar', amount: 21_400_000 },
			{ phase_id: vidare, partner_id: null, year: 2022, form: 'pengar', amount: 19_850_000 },
			...MIA_VIDARE_PARTNERS.flatMap((slug) =>
				[2021, 2022].map((year) => ({
					phase_id: vidare,
					partner_id: vidarePartners.get(slug)!,
					year,
					form: 'pengar' as const,
					amount: 1_150_000
				}))
			),
			{
				phase_id: vidare,
				partner_id: vidarePartners.get('Region Stockholm')!,
				year: 2021,
				form: 'pengar',
				amount: 900_000
			},
			{
				phase_id: vidare,
				partner_id: vidarePartners.get('Arbetsförmedlingen')!,
				year: 2021,
				form: 'arbete',
				amount: 2_400_000
			},
			{
				phase_id: vidare,
				partner_id: vidarePartners.get('Arbetsförmedlingen')!,
				year: 2022,
				form: 'arbete',
				amount: 2_400_000
			}
		])
		.execute();

	const [toWork, toAf] = await Promise.all(
		[
			['Andel deltagare till arbete eller studier', '%'],
			['Andel deltagare vidare till Arbetsförmedlingens insatser', '%']
		].map(
			async ([label, unit], position) =>
				(
					await trx
						.insertInto('project_indicator')
						.values({ project_id: project.id, label: label!, unit: unit!, position })
						.returning('id')
						.executeTakeFirstOrThrow()
				).id
		)
	);
	await trx
		.insertInto('project_indicator_year')
		.values([
			...[
				[2018, 24],
				[2019, 29],
				[2020, 31],
				[2021, 33],
				[2022, 35]
			].map(([year, actual]) => ({ indicator_id: toWork!, year: year!, target: 30, actual: actual! })),
			...[
				[2018, 37],
				[2019, 41],
				[2020, 43],
				[2021, 40],
				[2022, 44]
			].map(([year, actual]) => ({ indicator_id: toAf!, year: year!, target: 40, actual: actual! }))
		])
		.execute();
	await trx
		.insertInto('project_milestone')
		.values([
			{
				project_id: project.id,
				label: 'Beslut om stöd från Europeiska socialfonden',
				due_on: '2016-12-01',
				done_on: '2016-12-01'
			},
			{ project_id: project.id, label: 'De första deltagarna börjar', due_on: '2017-04-01', done_on: '2017-04-03' },
			{
				project_id: project.id,
				label: 'Utvärdering av första fasen klar',
				due_on: '2020-06-30',
				done_on: '2020-06-22'
			},
			{
				project_id: project.id,
				label: 'MIA Vidare börjar med alla åtta förbund',
				due_on: '2020-09-01',
				done_on: '2020-09-01'
			},
			{
				project_id: project.id,
				label: 'Slutrapport till Europeiska socialfonden',
				due_on: '2023-02-28',
				done_on: '2023-02-20'
			}
		])
		.execute();

	// The delprojekt: each partner förbund's insats in a phase.
	const delprojekt = async (slug: string, phaseId: number, index: number, later: boolean) => {
		const f = forbund.get(slug);
		const region = ids.forbundIds.get(slug);
		if (!f || !region) return;
		const name = `${later ? 'MIA Vidare' : 'MIA'} ${f.short_name}`;
		const by = ids.author(slug);
		const { id } = await trx
			.insertInto('insats')
			.values({
				region_id: region.regionId,
				forbund_id: f.id,
				slug: later ? 'mia-vidare' : 'mia',
				name,
				summary: `${f.short_name}s delprojekt i ${later ? 'MIA Vidare' : 'ESF-projektet MIA'}: stöd mot arbete eller studier.`,
				description:
					`Förbundets del av samverkansprojektet MIA. Deltagarna får en egen coach, en plan som ` +
					`de gör tillsammans med sina handläggare och, när de vill, arbetsträning hos ett socialt företag.`,
				inriktning: 'individinriktad',
				precise_category_id: category.id,
				follow_up: 'personuppgifter',
				esf: true,
				target_groups: ['langtidsarbetslosa', 'forsorjningsstod'],
				age_min: 16,
				age_max: 64,
				municipalities: f.municipalities,
				providers: JSON.stringify([]),
				access_via: 'handlaggare',
				access_text: text.referral,
				intake: 'nej',
				intake_as_of: later ? '2022-12-31' : '2020-08-31',
				contacts: JSON.stringify([
					{
						name: LEADERS[slug] ?? 'Kim Projektledare',
						title: 'Projektledare',
						email: `mia.${slug}@demo.regionportalen.se`,
						phone: `08-123 46${index} ${later ? 2 : 1}0`
					}
				]),
				places: '',
				period_start: later ? '2020-09-01' : '2017-04-01',
				period_end: later ? '2022-12-31' : '2020-08-31',
				life_status: 'avslutad',
				status: 'published',
				submitted_at: new Date('2020-08-15T08:00:00Z'),
				published_at: new Date('2020-08-20T08:00:00Z'),
				reviewed_at: '2026-06-01',
				project_phase_id: phaseId,
				author_id: by,
				updated_by: by
			} as never)
			.returning('id')
			.executeTakeFirstOrThrow();
		const years = later ? [2021, 2022] : [2017, 2018, 2019, 2020];
		await trx
			.insertInto('insats_year')
			.values(
				figures(index, years).map(([year, women, men, other, work, studies]) => ({
					insats_id: id,
					year,
					participants_women: women,
					participants_men: men,
					participants_other: other,
					to_work: work,
					to_studies: studies,
					cost_budget: 1_400_000 + index * 50_000,
					cost_outcome: 1_320_000 + index * 45_000,
					esf_cost_budget: 900_000,
					esf_cost_outcome: 860_000
				}))
			)
			.execute();
	};
	for (const [index, slug] of MIA_FIRST_PARTNERS.entries()) await delprojekt(slug, first, index, false);
	for (const [index, slug] of MIA_VIDARE_PARTNERS.entries()) await delprojekt(slug, vidare, index, true);

	await trx
		.insertInto('news')
		.values({
			region_id: owner.regionId,
			forbund_id: owner.id,
			slug: 'mia-slutrapport',
			title: 'MIA:s slutrapport: fler än en tredjedel gick vidare till arbete eller studier',
			lead: 'Samverkansprojektet MIA är avslutat. Slutrapporten visar vad länets åtta förbund har lärt sig.',
			body:
				'Under sex år tog förbunden i Stockholms län emot deltagare i MIA och MIA Vidare. Slutrapporten ' +
				'beskriver vad som fungerade: en egen coach, tät kontakt med arbetsgivare och arbetsträning hos ' +
				'sociala företag.\n\nFlera förbund har tagit över arbetssätten i sin ordinarie verksamhet.',
			status: 'published',
			shared_with_region: true,
			published_at: new Date('2023-03-10T08:00:00Z'),
			project_id: project.id,
			author_id: author,
			updated_by: author
		})
		.execute();
}

/**
 * The first phase's budget per funder and year: the ESF's grant, the owner's and partners' money, and
 * the agencies' own work; it adds up to the project's totals to the krona.
 */
export function firstPhaseFunding(phaseId: number, partners: Map<string, number>) {
	const years = [2017, 2018, 2019, 2020];
	const esf = [21_500_000, 24_800_000, 24_800_000, MIA.esf - 21_500_000 - 24_800_000 * 2];
	const work = [
		['Arbetsförmedlingen', 2_500_000],
		['Försäkringskassan', 1_200_000]
	] as const;
	const workTotal = work.reduce((sum, [, amount]) => sum + amount * years.length, 0);
	const money = MIA.total - MIA.esf - workTotal;
	const perForbundYear = Math.floor(money / (MIA_FIRST_PARTNERS.length * years.length));
	const rest = money - perForbundYear * MIA_FIRST_PARTNERS.length * years.length;
	return [
		...years.map((year, i) => ({
			phase_id: phaseId,
			partner_id: null,
			year,
			form: 'pengar' as const,
			amount: esf[i]!
		})),
		...MIA_FIRST_PARTNERS.flatMap((slug) =>
			years.map((year) => ({
				phase_id: phaseId,
				partner_id: partners.get(slug)!,
				year,
				form: 'pengar' as const,
				// The owner's last year takes the kronor left by the even split.
				amount: perForbundYear + (slug === MIA.owner && year === 2020 ? rest : 0)
			}))
		),
		...work.flatMap(([organisation, amount]) =>
			years.map((year) => ({
				phase_id: phaseId,
				partner_id: partners.get(organisation)!,
				year,
				form: 'arbete' as const,
				amount
			}))
		)
	];
}
