// The joint projects' share of the data set, set-based as the rest: `count` projects over every
// förbund, the first `susPartnerOf` owned by another Stockholm förbund with SUS among the partners
// (so SUS's list and pages have many); every 20th a draft. Each has two phases, the owner as
// projektägare and two or three förbund of its region as samverkansparter plus Arbetsförmedlingen,
// a budget per funder and year, an indicator, two milestones and, in its second phase, a published
// delprojekt (an insats) of every partner förbund with figures for two years. On a database that
// holds them already it does nothing.

import pg from 'pg';

export interface ProjectSeedReport {
	skipped: boolean;
	ms: number;
	projects: number;
	susProjects: number;
	delprojekt: number;
}

const SEEDED = `p.slug like 'projekt-%'`;

const STEPS = [
	`insert into project (region_id, owner_forbund_id, slug, name, full_name, summary, purpose, purpose_html,
		target_groups, methods, goals, referral, esf, planned_participants, contacts, life_status, status, published_at)
	select f.region_id, f.id, 'projekt-' || o.g,
		(array['Steget', 'Vägen', 'Bron', 'Navet', 'Kraften', 'Framåt'])[1 + o.g % 6] || ' ' || o.g,
		'Samverkan för arbete och studier ' || o.g,
		'Ett samverkansprojekt där förbunden tillsammans ger stöd på vägen mot arbete eller studier.',
		'Projektet ska korta vägen till arbete för personer som länge stått utanför arbetsmarknaden.',
		'<p>Projektet ska korta vägen till arbete för personer som länge stått utanför arbetsmarknaden.</p>',
		'Personer 16–64 år som behöver samordnat stöd.', 'Supported Employment, IPS och arbetsträning.',
		'30 procent till arbete eller studier.', 'Handläggare anmäler deltagare till delprojektet i sitt förbund.',
		o.g % 2 = 0, 100 + o.g % 400,
		jsonb_build_array(jsonb_build_object('role', 'projektchef', 'name', 'Projektchef ' || o.g, 'email', '', 'phone', '')),
		(array['planerad', 'pagaende', 'avslutad'])[1 + o.g % 3],
		case when o.g % 20 = 0 then 'draft' else 'published' end,
		case when o.g % 20 = 0 then null else now() - (o.g % 300) * interval '1 day' end
	from (
		select g, case when g <= $2 then
			(select f.id from forbund f join forbund s on s.slug = 'sus' and f.region_id = s.region_id and f.id <> s.id
			 order by f.id offset g % (select count(*) - 1 from forbund f join forbund s on s.slug = 'sus'
				and f.region_id = s.region_id) limit 1)
			else (select id from forbund order by id offset g % (select count(*) from forbund) limit 1) end as owner_id
		from generate_series(1, $1::int) as g
	) o join forbund f on f.id = o.owner_id`,
	`insert into project_phase (project_id, position, name, decision_date, period_start, period_end, esf_diarienummer,
		planned_participants)
	select p.id, ph, case ph when 1 then p.name else p.name || ' Vidare' end,
		make_date(2016 + 2 * ph, 11, 1), make_date(2017 + 2 * ph, 1, 1), make_date(2018 + 2 * ph, 12, 31),
		'2018/' || lpad(p.id::text, 5, '0'), 200 + p.id % 100
	from project p cross join generate_series(1, 2) as ph where ${SEEDED}`,
	`insert into project_partner (phase_id, forbund_id, role, position)
	select ph.id, p.owner_forbund_id, 'projektagare', 0
	from project_phase ph join project p on p.id = ph.project_id where ${SEEDED}`,
	// Two förbund of the region in the first phase, three in the second (SUS first where it is meant to be).
	`insert into project_partner (phase_id, forbund_id, role, position)
	select ph.id, x.id, 'samverkanspart', x.n
	from project_phase ph join project p on p.id = ph.project_id
	cross join lateral (
		select f.id, row_number() over (order by f.ord) as n from (
			select f.id, (f.slug = 'sus' and substring(p.slug from 9)::int <= $1) as sus, md5(f.slug || p.id) as ord
			from forbund f where f.region_id = p.region_id and f.id <> p.owner_forbund_id
			order by sus desc, ord limit ph.position + 1) f
	) x
	where ${SEEDED}`,
	`insert into project_partner (phase_id, organisation, role, position)
	select ph.id, 'Arbetsförmedlingen', 'samarbetspart', 100
	from project_phase ph join project p on p.id = ph.project_id where ${SEEDED}`,
	`insert into project_funding (phase_id, partner_id, year, form, amount)
	select ph.id, null, 2015 + 2 * ph.position + d, 'pengar', 2000000 + p.id % 7 * 100000
	from project_phase ph join project p on p.id = ph.project_id cross join generate_series(1, 2) as d where ${SEEDED}
	union all
	select ph.id, pp.id, 2015 + 2 * ph.position + d, case when pp.forbund_id is null then 'arbete' else 'pengar' end,
		300000 + pp.id % 5 * 50000
	from project_partner pp join project_phase ph on ph.id = pp.phase_id join project p on p.id = ph.project_id
	cross join generate_series(1, 2) as d where ${SEEDED}`,
	`insert into project_indicator (project_id, label, unit, position)
	select p.id, 'Andel deltagare till arbete eller studier', '%', 0 from project p where ${SEEDED}`,
	`insert into project_indicator_year (indicator_id, year, target, actual)
	select i.id, y, 30, 20 + (i.id + y) % 15
	from project_indicator i join project p on p.id = i.project_id cross join generate_series(2019, 2022) as y
	where ${SEEDED}`,
	`insert into project_milestone (project_id, label, due_on, done_on)
	select p.id, m.label, m.due_on, m.due_on from project p
	cross join (values ('Projektet börjar', date '2019-01-01'), ('Slutrapport', date '2022-12-31')) as m(label, due_on)
	where ${SEEDED}`,
	// The delprojekt: each partner förbund's insats in the second phase.
	`with made as (
		insert into insats (region_id, forbund_id, slug, name, summary, description, description_html, inriktning,
			precise_category_id, follow_up, esf, target_groups, municipalities, life_status, status, published_at,
			reviewed_at, project_phase_id)
		select f.region_id, f.id, 'delprojekt-' || p.id, p.name || ' ' || f.short_name,
			'Förbundets delprojekt i ' || p.name || '.', 'Förbundets del av samverkansprojektet.',
			'<p>Förbundets del av samverkansprojektet.</p>', 'individinriktad',
			(select id from insats_precise_category where inriktning = 'individinriktad' order by id limit 1),
			'personuppgifter', p.esf, array['langtidsarbetslosa'], f.municipalities[1:1], 'pagaende', p.status,
			p.published_at, current_date, ph.id
		from project_partner pp join project_phase ph on ph.id = pp.phase_id and ph.position = 2
		join project p on p.id = ph.project_id join forbund f on f.id = pp.forbund_id
		where ${SEEDED}
		returning id
	)
	insert into insats_year (insats_id, year, cost_budget, cost_outcome, participants_women, participants_men, to_work,
		to_studies)
	select id, y, 800000 + id % 7 * 50000, 760000 + id % 5 * 40000, 4 + id % 13, 2 + id % 11, id % 6, id % 4
	from made cross join generate_series(2021, 2022) as y`
];

/** Seeds the projects (`count` in all, SUS a partner of the first `susPartnerOf`). */
export async function seedProjects(
	ownerUrl: string,
	{
		count = 300,
		susPartnerOf = 40,
		log = () => undefined
	}: { count?: number; susPartnerOf?: number; log?: (line: string) => void } = {}
): Promise<ProjectSeedReport> {
	const client = new pg.Client({ connectionString: ownerUrl });
	client.on('error', () => undefined);
	await client.connect();
	const started = performance.now();
	try {
		const { rows: existing } = await client.query(`select count(*)::int as n from project p where ${SEEDED}`);
		const skipped = (existing[0].n as number) > 0;
		if (skipped) {
			log(`The data set already holds ${existing[0].n} projects: not seeding again.`);
		} else {
			await client.query('begin');
			for (const [i, step] of STEPS.entries()) {
				// The first step takes both numbers, the partners' step SUS's; the rest none.
				await client.query(step, i === 0 ? [count, susPartnerOf] : step.includes('$1') ? [susPartnerOf] : []);
			}
			await client.query('commit');
			await client.query(
				'vacuum (analyze) project, project_phase, project_partner, project_funding, project_indicator, ' +
					'project_indicator_year, project_milestone, insats, insats_year'
			);
		}
		const { rows } = await client.query(
			`select (select count(*)::int from project p where ${SEEDED}) as projects,
				(select count(distinct ph.project_id)::int from project_phase ph join project_partner pp on pp.phase_id = ph.id
					join forbund f on f.id = pp.forbund_id where f.slug = 'sus') as "susProjects",
				(select count(*)::int from insats where slug like 'delprojekt-%') as delprojekt`
		);
		return { skipped, ms: performance.now() - started, ...(rows[0] as Omit<ProjectSeedReport, 'skipped' | 'ms'>) };
	} catch (error) {
		await client.query('rollback').catch(() => undefined);
		throw error;
	} finally {
		await client.end();
	}
}
