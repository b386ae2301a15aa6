import { TRPCError } from '@trpc/server';
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database, ProjectTable } from '@regionportalen/db';
import { slugify } from '../core/index.ts';

// The editorial side's queries. Each takes the db (or a transaction) first; row-level security
// decides what the caller sees (a partner's writers see a draft project, never another partner's
// draft delprojekt).

type Q = Kysely<Database> | Transaction<Database>;

export function findProject(db: Q, id: number) {
	return db.selectFrom('project').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The project a phase belongs to, or undefined when the caller cannot see it. */
export function projectOfPhase(db: Q, phaseId: number) {
	return db
		.selectFrom('project_phase')
		.innerJoin('project', 'project.id', 'project_phase.project_id')
		.selectAll('project')
		.where('project_phase.id', '=', phaseId)
		.executeTakeFirst();
}

/** Paths under /projekt/ that are pages of their own, not projects. */
const RESERVED = new Set(['ny', 'sok']);

/**
 * Inserts the project under the first free slug of its name in the region. Another owner's draft
 * may hold a slug the caller cannot see, so a taken one is skipped on conflict, not looked up.
 */
export async function insertWithFreeSlug(db: Q, values: Omit<Insertable<ProjectTable>, 'slug'>) {
	const base = slugify(values.name);
	for (let n = 1; n < 100; n++) {
		const slug = n === 1 ? base : `${base}-${n}`;
		if (RESERVED.has(slug)) continue;
		const row = await db
			.insertInto('project')
			.values({ ...values, slug })
			.onConflict((oc) => oc.constraint('project_slug_key').doNothing())
			.returningAll()
			.executeTakeFirst();
		if (row) return row;
	}
	throw new Error(`no free slug for ${base}`);
}

/**
 * The projects a förbund's editors see on their list: those it owns and those it is a partner of;
 * or, for a region (the hub's editor), every project of the region. Drafts included, as RLS allows.
 */
export function listForEditing(db: Q, scope: { forbundId: number | null; regionId: number }) {
	let query = db
		.selectFrom('project')
		.innerJoin('forbund as owner', 'owner.id', 'project.owner_forbund_id')
		.select([
			'project.id',
			'project.slug',
			'project.name',
			'project.full_name',
			'project.status',
			'project.life_status',
			'project.owner_forbund_id',
			'project.region_id',
			'project.review_comment',
			'project.updated_at',
			'owner.short_name as owner_name'
		])
		.where('project.region_id', '=', scope.regionId);
	if (scope.forbundId !== null) {
		const forbundId = scope.forbundId;
		query = query.where((eb) =>
			eb.or([
				eb('project.owner_forbund_id', '=', forbundId),
				eb.exists(
					eb
						.selectFrom('project_phase as ph')
						.innerJoin('project_partner as pp', 'pp.phase_id', 'ph.id')
						.select(sql`1`.as('one'))
						.whereRef('ph.project_id', '=', 'project.id')
						.where('pp.forbund_id', '=', forbundId)
				)
			])
		);
	}
	return query.orderBy('project.name').limit(500).execute();
}

/** A project's structure for its editor: phases, partners, funding, indicators, milestones, delprojekt. */
export async function structureOf(db: Q, projectId: number) {
	const phases = await db
		.selectFrom('project_phase')
		.selectAll()
		.where('project_id', '=', projectId)
		.orderBy('position')
		.execute();
	const phaseIds = phases.map((p) => p.id);
	const none = phaseIds.length === 0;
	const [partners, funding, delprojekt] = none
		? [[], [], []]
		: await Promise.all([
				db
					.selectFrom('project_partner as pp')
					.leftJoin('forbund as f', 'f.id', 'pp.forbund_id')
					.select([
						'pp.id',
						'pp.phase_id',
						'pp.forbund_id',
						'pp.organisation',
						'pp.role',
						'f.slug as forbund_slug',
						'f.name as forbund_name',
						'f.short_name as forbund_short_name'
					])
					.where('pp.phase_id', 'in', phaseIds)
					.orderBy('pp.phase_id')
					.orderBy(sql`pp.role = 'projektagare'`, 'desc')
					.orderBy(sql`coalesce(f.name, pp.organisation)`)
					.execute(),
				db
					.selectFrom('project_funding')
					.selectAll()
					.where('phase_id', 'in', phaseIds)
					.orderBy('phase_id')
					.orderBy('year')
					.orderBy('partner_id', (ob) => ob.nullsFirst())
					.execute(),
				db
					.selectFrom('insats')
					.innerJoin('forbund as f', 'f.id', 'insats.forbund_id')
					.select([
						'insats.id',
						'insats.name',
						'insats.slug',
						'insats.status',
						'insats.project_phase_id',
						'insats.forbund_id',
						'f.short_name as forbund_short_name'
					])
					.where('insats.project_phase_id', 'in', phaseIds)
					.orderBy('f.short_name')
					.execute()
			]);
	const [indicators, milestones] = await Promise.all([indicatorsOf(db, projectId), milestonesOf(db, projectId)]);
	return {
		phases: phases.map((phase) => ({
			...phase,
			partners: partners.filter((p) => p.phase_id === phase.id),
			funding: funding.filter((f) => f.phase_id === phase.id).map((f) => ({ ...f, amount: Number(f.amount) })),
			delprojekt: delprojekt.filter((d) => d.project_phase_id === phase.id)
		})),
		indicators,
		milestones
	};
}

/** A project's indicators, each with its target and actual value per year. */
export async function indicatorsOf(db: Q, projectId: number) {
	const indicators = await db
		.selectFrom('project_indicator')
		.selectAll()
		.where('project_id', '=', projectId)
		.orderBy('position')
		.orderBy('id')
		.execute();
	if (!indicators.length) return [];
	const years = await db
		.selectFrom('project_indicator_year')
		.selectAll()
		.where(
			'indicator_id',
			'in',
			indicators.map((i) => i.id)
		)
		.orderBy('year')
		.execute();
	return indicators.map((indicator) => ({
		...indicator,
		years: years
			.filter((y) => y.indicator_id === indicator.id)
			.map((y) => ({
				year: y.year,
				target: y.target === null ? null : Number(y.target),
				actual: y.actual === null ? null : Number(y.actual)
			}))
	}));
}

/** A project's milestones by date. */
export function milestonesOf(db: Q, projectId: number) {
	return db
		.selectFrom('project_milestone')
		.select(['id', 'label', 'due_on', 'done_on'])
		.where('project_id', '=', projectId)
		.orderBy('due_on')
		.orderBy('id')
		.execute();
}

/**
 * The phases a förbund is a partner of, for its insats editor's "Delprojekt i" choice: with the
 * project's name, and its delprojekt in each (if the caller can see it).
 */
export function phasesOfPartner(db: Q, forbundId: number) {
	return db
		.selectFrom('project_partner as pp')
		.innerJoin('project_phase as ph', 'ph.id', 'pp.phase_id')
		.innerJoin('project', 'project.id', 'ph.project_id')
		.leftJoin('insats', (join) =>
			join.onRef('insats.project_phase_id', '=', 'ph.id').on('insats.forbund_id', '=', forbundId)
		)
		.select([
			'ph.id as phase_id',
			'ph.name as phase_name',
			'project.id as project_id',
			'project.name as project_name',
			'project.slug as project_slug',
			'insats.id as insats_id',
			'insats.name as insats_name'
		])
		.where('pp.forbund_id', '=', forbundId)
		.orderBy('project.name')
		.orderBy('ph.position')
		.execute();
}

/**
 * What other domains link to a project with (a news item, a document): the projects an owner takes
 * part in (a förbund: owns or is a partner; a region: all of it) that the caller can see, by name.
 */
export function projectChoices(db: Q, scope: { forbundId: number | null; regionId: number }) {
	return listForEditing(db, scope).then((rows) => rows.map(({ id, name, status }) => ({ id, name, status })));
}

/** Refuses a project the owner takes no part in (or that the caller cannot see). */
export async function assertLinkableProject(
	db: Q,
	projectId: number,
	scope: { forbundId: number | null; regionId: number }
): Promise<void> {
	const choices = await projectChoices(db, scope);
	if (!choices.some((c) => c.id === projectId)) {
		throw new TRPCError({ code: 'BAD_REQUEST', message: 'Välj ett av projekten som ni är med i.' });
	}
}
