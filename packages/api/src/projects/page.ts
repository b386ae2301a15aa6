import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, InsatsContact, InsatsYear, ProjectContact } from '@regionportalen/db';
import { maskSmallCount, storedHtml } from '../core/index.ts';
import { indicatorsOf, milestonesOf } from './queries.ts';

// The public side of a joint project: the region's or a partner's list, and the project's page with
// its delprojekt (the partners' published insatser) added up per year and in total. One row serves
// every site; a partner's site only orders it differently (its own delprojekt first).

type Q = Kysely<Database> | Transaction<Database>;

export interface Scope {
	/** A partner's (or the owner's) site; null on the hub, which shows the region's every project. */
	forbundId: number | null;
	regionId: number;
}

/** The path of a project's page under a site's base (the hub's /<region>, a förbund's ''). */
export const projectPath = (slug: string) => `/projekt/${slug}`;

/** Whether the förbund owns the project or is a partner in any of its phases. */
const takesPart = (forbundId: number) =>
	sql<boolean>`(project.owner_forbund_id = ${forbundId} or exists (
		select 1 from project_phase ph join project_partner pp on pp.phase_id = ph.id
		where ph.project_id = project.id and pp.forbund_id = ${forbundId}))`;

/** The published projects of a scope, by name, with their span and their partner förbund's count. */
export function listPublished(db: Q, scope: Scope) {
	let query = db
		.selectFrom('project')
		.innerJoin('forbund as owner', 'owner.id', 'project.owner_forbund_id')
		// One pass over a project's phases and partners for its span and its förbund, not one per figure.
		.innerJoinLateral(
			(eb) =>
				eb
					.selectFrom('project_phase as ph')
					.leftJoin('project_partner as pp', 'pp.phase_id', 'ph.id')
					.select([
						sql<string | null>`min(ph.period_start)::text`.as('period_start'),
						sql<string | null>`max(ph.period_end)::text`.as('period_end'),
						sql<number>`count(distinct pp.forbund_id)::int`.as('forbund_count')
					])
					.whereRef('ph.project_id', '=', 'project.id')
					.as('span'),
			(join) => join.onTrue()
		)
		.select([
			'project.id',
			'project.slug',
			'project.name',
			'project.full_name',
			'project.summary',
			'project.esf',
			'project.life_status',
			'project.updated_at',
			'owner.short_name as owner_name',
			'span.period_start',
			'span.period_end',
			'span.forbund_count'
		])
		.where('project.region_id', '=', scope.regionId)
		.where('project.status', '=', 'published');
	if (scope.forbundId !== null) query = query.where(takesPart(scope.forbundId));
	return query.orderBy('project.name').limit(1000).execute();
}

type YearRow = InsatsYear;

/** Money and results added up; a sum of nothing reported stays "not reported" (null). */
function addUp(rows: YearRow[]) {
	const sum = (pick: (r: YearRow) => number | string | null) => {
		const values = rows.map(pick).filter((v): v is number | string => v !== null);
		return values.length ? values.reduce<number>((total, v) => total + Number(v), 0) : null;
	};
	const participants = sum((r) =>
		r.participants_women === null && r.participants_men === null && r.participants_other === null
			? null
			: (r.participants_women ?? 0) + (r.participants_men ?? 0) + (r.participants_other ?? 0)
	);
	return {
		cost_budget: sum((r) => r.cost_budget),
		cost_outcome: sum((r) => r.cost_outcome),
		esf_cost_budget: sum((r) => r.esf_cost_budget),
		esf_cost_outcome: sum((r) => r.esf_cost_outcome),
		// Counts of people are public only in aggregate, and under 5 as "<5".
		planned_participants: maskSmallCount(sum((r) => r.planned_participants)),
		participants: maskSmallCount(participants),
		to_work: maskSmallCount(sum((r) => r.to_work)),
		to_studies: maskSmallCount(sum((r) => r.to_studies))
	};
}

/** Per year and in total: the figures of the rows given. */
function rollUp(rows: YearRow[]) {
	const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
	return {
		years: years.map((year) => ({ year, ...addUp(rows.filter((r) => r.year === year)) })),
		total: addUp(rows)
	};
}

/**
 * A published project of the region as its page shows it, or undefined; on a förbund's site also
 * undefined when the förbund takes no part in it. `forbundId`'s delprojekt come first.
 */
export async function publishedProject(db: Q, scope: Scope, slug: string) {
	let query = db
		.selectFrom('project')
		.innerJoin('forbund as owner', 'owner.id', 'project.owner_forbund_id')
		.select([
			'project.id',
			'project.region_id',
			'project.owner_forbund_id',
			'project.slug',
			'project.name',
			'project.full_name',
			'project.summary',
			'project.purpose',
			'project.purpose_html',
			'project.target_groups',
			'project.methods',
			'project.goals',
			'project.referral',
			'project.esf',
			'project.planned_participants',
			'project.contacts',
			'project.life_status',
			'project.published_at',
			'project.updated_at',
			'owner.name as owner_name',
			'owner.short_name as owner_short_name'
		])
		.where('project.region_id', '=', scope.regionId)
		.where('project.slug', '=', slug)
		.where('project.status', '=', 'published');
	if (scope.forbundId !== null) query = query.where(takesPart(scope.forbundId));
	const row = await query.executeTakeFirst();
	if (!row) return undefined;

	const phases = await db
		.selectFrom('project_phase')
		.selectAll()
		.where('project_id', '=', row.id)
		.orderBy('position')
		.execute();
	const phaseIds = phases.map((p) => p.id);
	const [partners, funding, delprojekt] = phaseIds.length
		? await Promise.all([
				db
					.selectFrom('project_partner as pp')
					.leftJoin('forbund as f', 'f.id', 'pp.forbund_id')
					.select(['pp.id', 'pp.phase_id', 'pp.forbund_id', 'pp.role', 'f.slug as forbund_slug'])
					.select(sql<string>`coalesce(f.name, pp.organisation)`.as('name'))
					.where('pp.phase_id', 'in', phaseIds)
					.orderBy(sql`pp.role = 'projektagare'`, 'desc')
					.orderBy(sql`coalesce(f.name, pp.organisation)`)
					.execute(),
				db
					.selectFrom('project_funding as pf')
					.leftJoin('project_partner as pp', 'pp.id', 'pf.partner_id')
					.leftJoin('forbund as f', 'f.id', 'pp.forbund_id')
					.select(['pf.phase_id', 'pf.partner_id', 'pf.year', 'pf.form', 'pf.amount'])
					.select(sql<string>`coalesce(f.name, pp.organisation, 'Europeiska socialfonden')`.as('funder'))
					.where('pf.phase_id', 'in', phaseIds)
					.orderBy(sql`pf.partner_id is null`, 'desc')
					.orderBy(sql`coalesce(f.name, pp.organisation)`)
					.orderBy('pf.year')
					.execute(),
				db
					.selectFrom('insats')
					.innerJoin('forbund as f', 'f.id', 'insats.forbund_id')
					.select([
						'insats.id',
						'insats.name',
						'insats.slug',
						'insats.summary',
						'insats.contacts',
						'insats.project_phase_id',
						'insats.forbund_id',
						'f.slug as forbund_slug',
						'f.short_name as forbund_short_name',
						'f.name as forbund_name',
						'f.origin as forbund_origin'
					])
					.where('insats.project_phase_id', 'in', phaseIds)
					.where('insats.status', '=', 'published')
					.execute()
			])
		: [[], [], []];
	const years: YearRow[] = delprojekt.length
		? await db
				.selectFrom('insats_year')
				.selectAll()
				.where(
					'insats_id',
					'in',
					delprojekt.map((d) => d.id)
				)
				.execute()
		: [];
	const [indicators, milestones] = await Promise.all([indicatorsOf(db, row.id), milestonesOf(db, row.id)]);

	const positionOf = new Map(phases.map((p) => [p.id, p.position]));
	const { purpose_html, purpose, ...rest } = row;
	return {
		...rest,
		contacts: row.contacts as ProjectContact[],
		purpose_html: storedHtml({ body_html: purpose_html, body_md: purpose_html === null ? purpose : null }),
		phases: phases.map((phase) => ({
			...phase,
			partners: partners.filter((p) => p.phase_id === phase.id),
			funding: funding.filter((f) => f.phase_id === phase.id).map((f) => ({ ...f, amount: Number(f.amount) })),
			total: funding.filter((f) => f.phase_id === phase.id).reduce((sum, f) => sum + Number(f.amount), 0),
			esf_total: funding
				.filter((f) => f.phase_id === phase.id && f.partner_id === null)
				.reduce((sum, f) => sum + Number(f.amount), 0)
		})),
		// The site's own first, each förbund's latest phase before its earlier ones.
		delprojekt: [...delprojekt]
			.sort(
				(a, b) =>
					Number(b.forbund_id === scope.forbundId) - Number(a.forbund_id === scope.forbundId) ||
					positionOf.get(b.project_phase_id!)! - positionOf.get(a.project_phase_id!)! ||
					a.forbund_short_name.localeCompare(b.forbund_short_name, 'sv')
			)
			.map((d) => {
				const previous = delprojekt.find(
					(other) =>
						other.forbund_id === d.forbund_id &&
						positionOf.get(other.project_phase_id!)! === positionOf.get(d.project_phase_id!)! - 1
				);
				return {
					...d,
					contacts: d.contacts as InsatsContact[],
					own: d.forbund_id === scope.forbundId,
					phase_name: phases.find((p) => p.id === d.project_phase_id)!.name,
					previous: previous ? { name: previous.name, slug: previous.slug } : null,
					figures: rollUp(years.filter((y) => y.insats_id === d.id))
				};
			}),
		figures: rollUp(years),
		indicators,
		milestones
	};
}

/** Every published project of the region, for sitemaps. */
export function publishedSlugs(db: Q, scope: Scope) {
	let query = db
		.selectFrom('project')
		.select(['slug', 'updated_at'])
		.where('region_id', '=', scope.regionId)
		.where('status', '=', 'published');
	if (scope.forbundId !== null) query = query.where(takesPart(scope.forbundId));
	return query.orderBy('slug').execute();
}
