import { TRPCError } from '@trpc/server';
import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { expect } from 'vitest';
import { sql } from 'kysely';
import {
	callersFor,
	insertMeeting,
	minutesCallersFor,
	seedPresidium,
	snapshotMinutes,
	snapshotNews,
	type MeetingState
} from './helpers.ts';

// The role × procedure × tenant matrix for news. Each case runs on a fresh set of items (a draft and
// a published item per owner); a denied case must leave the database exactly as it was.

export type Actor = keyof ReturnType<typeof callersFor>;
export const ACTORS: Actor[] = [
	'anonymous',
	'noRoles',
	'editorA',
	'editorB',
	'adminA',
	'coordinatorNorr',
	'platformAdmin'
];

type Owner = { forbund: 'a' | 'b' | 'c' } | { region: 'norr' | 'syd' };
export const OWNERS: Owner[] = [
	{ forbund: 'a' },
	{ forbund: 'b' },
	{ forbund: 'c' },
	{ region: 'norr' },
	{ region: 'syd' }
];

/** Who may write each owner's news, stated here independently of the code under test. */
export function allowed(actor: Actor, owner: Owner): boolean {
	if (actor === 'platformAdmin') return true;
	if ('forbund' in owner) {
		return (
			(owner.forbund === 'a' && (actor === 'editorA' || actor === 'adminA')) ||
			(owner.forbund === 'b' && actor === 'editorB')
		);
	}
	return owner.region === 'norr' && actor === 'coordinatorNorr';
}

export const PROCEDURES = ['create', 'forEditing', 'byId', 'update', 'publish', 'unpublish'] as const;
export type Procedure = (typeof PROCEDURES)[number];

const fields = { title: 'Matrisnyhet', lead: '', body: 'Text.', sharedWithRegion: false };

async function resetNews(owner: Db, fx: Fixtures) {
	await owner.deleteFrom('news').execute();
	const ids = new Map<string, { draft: number; published: number }>();
	for (const o of OWNERS) {
		const key = JSON.stringify(o);
		const scope =
			'forbund' in o
				? { forbund_id: fx.forbund[o.forbund], region_id: o.forbund === 'c' ? fx.regions.syd : fx.regions.norr }
				: { forbund_id: null, region_id: fx.regions[o.region] };
		const draft = await owner
			.insertInto('news')
			.values({ ...scope, slug: 'utkast', title: 'Utkast' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const published = await owner
			.insertInto('news')
			.values({
				...scope,
				slug: 'publicerad',
				title: 'Publicerad',
				status: 'published',
				published_at: new Date('2024-01-01')
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		ids.set(key, { draft: draft.id, published: published.id });
	}
	return (o: Owner) => ids.get(JSON.stringify(o))!;
}

function call(
	caller: ReturnType<typeof callersFor>[Actor],
	procedure: Procedure,
	owner: Owner,
	item: { draft: number; published: number }
) {
	switch (procedure) {
		case 'create':
			return caller.news.create({ ...fields, owner });
		case 'forEditing':
			return caller.news.forEditing({ owner });
		case 'byId':
			return caller.news.byId({ id: item.draft });
		case 'update':
			return caller.news.update({ ...fields, id: item.draft, version: 1 });
		case 'publish':
			return caller.news.publish({ id: item.draft });
		case 'unpublish':
			return caller.news.unpublish({ id: item.published });
	}
}

/**
 * Runs every case. `denied` says how a refusal may look: with the API's checks in place it is an
 * authorization error; with them bypassed, any error or an answer that holds no draft of that owner.
 */
export async function runMatrix(db: Db, owner: Db, fx: Fixtures, mode: 'api-checks' | 'rls-only') {
	const as = callersFor(db, fx);
	let denied = 0;
	for (const actor of ACTORS) {
		for (const o of OWNERS) {
			for (const procedure of PROCEDURES) {
				const item = (await resetNews(owner, fx))(o);
				const label = `${actor} ${procedure} ${JSON.stringify(o)}`;
				const before = await snapshotNews(owner);
				const outcome = await call(as[actor], procedure, o, item).then(
					(value) => ({ ok: true as const, value }),
					(error: unknown) => ({ ok: false as const, error })
				);
				if (allowed(actor, o)) {
					expect(outcome.ok, `${label} should be allowed`).toBe(true);
					continue;
				}
				denied++;
				if (outcome.ok) {
					// Only a read may answer, and only without the owner's draft in it.
					expect(mode === 'rls-only' && procedure === 'forEditing', `${label} should be denied`).toBe(true);
					const rows = outcome.value as { id: number }[];
					expect(
						rows.map((r) => r.id),
						`${label} leaked a draft`
					).not.toContain(item.draft);
				} else if (mode === 'api-checks') {
					expect(outcome.error, label).toBeInstanceOf(TRPCError);
					expect(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'], label).toContain((outcome.error as TRPCError).code);
				}
				expect(await snapshotNews(owner), `${label} changed the database`).toEqual(before);
			}
		}
	}
	return denied;
}

// ---------------------------------------------------------------------------------------------------
// The presidium minutes: every procedure, for every role, in both regions. Each case starts from one
// meeting per state in each region (a draft, approved, published to members, published to everyone).

export const MINUTES_ACTORS = [
	'anonymous',
	'noRoles',
	'editorA',
	'adminA',
	'presidiumA',
	'presidiumC',
	'coordinatorNorr',
	'platformAdmin'
] as const;
export type MinutesActor = (typeof MINUTES_ACTORS)[number];
export const MINUTES_REGIONS = ['norr', 'syd'] as const;
type MinutesRegion = (typeof MINUTES_REGIONS)[number];

export const MINUTES_PROCEDURES = [
	'list',
	'search',
	'meetingPublic',
	'meetingPublished',
	'meetingApproved',
	'meetingDraft',
	'attachment',
	'forEditing',
	'create',
	'update',
	'approve',
	'publish',
	'setPublic',
	'correct',
	'addAttachment',
	'removeAttachment'
] as const;
type MinutesProcedure = (typeof MINUTES_PROCEDURES)[number];

/** Who may write a region's minutes, and who may read its published ones, stated independently of the code. */
function writesMinutes(actor: MinutesActor, region: MinutesRegion) {
	return actor === 'platformAdmin' || (actor === 'coordinatorNorr' && region === 'norr');
}
function readsMinutes(actor: MinutesActor, region: MinutesRegion) {
	return (
		writesMinutes(actor, region) ||
		(region === 'norr' && (actor === 'adminA' || actor === 'presidiumA')) ||
		(region === 'syd' && actor === 'presidiumC')
	);
}

/** The states a list or a search shows the actor. */
function visibleStates(actor: MinutesActor, region: MinutesRegion): MeetingState[] {
	if (writesMinutes(actor, region)) return ['draft', 'approved', 'published', 'public'];
	if (readsMinutes(actor, region)) return ['published', 'public'];
	return ['public'];
}

function minutesAllowed(actor: MinutesActor, region: MinutesRegion, procedure: MinutesProcedure) {
	switch (procedure) {
		case 'list':
		case 'search':
		case 'meetingPublic':
			return true;
		case 'meetingPublished':
		case 'attachment':
			return readsMinutes(actor, region);
		default:
			return writesMinutes(actor, region);
	}
}

type World = Record<MinutesRegion, Record<MeetingState, Awaited<ReturnType<typeof insertMeeting>>>>;

async function resetMinutes(owner: Db, fx: Fixtures): Promise<World> {
	await sql`truncate minutes_attachment, minutes_action, minutes_item, minutes_attendee, meeting_minutes, meeting, audit_log`.execute(
		owner
	);
	const world = {} as World;
	for (const region of MINUTES_REGIONS) {
		world[region] = {} as World[MinutesRegion];
		for (const state of ['draft', 'approved', 'published', 'public'] as const) {
			world[region][state] = await insertMeeting(owner, fx.regions[region], state, 'matrisord');
		}
	}
	return world;
}

const minutesContent = { title: 'Matrismöte', starts_at: new Date('2024-05-01T14:00:00Z') };

function callMinutes(
	caller: ReturnType<typeof minutesCallersFor>[MinutesActor],
	procedure: MinutesProcedure,
	region: MinutesRegion,
	world: World
) {
	const m = world[region];
	switch (procedure) {
		case 'list':
			return caller.minutes.list({ region });
		case 'search':
			return caller.minutes.search({ region, q: 'matrisord' });
		case 'meetingPublic':
			return caller.minutes.meeting({ region, id: m.public.meeting });
		case 'meetingPublished':
			return caller.minutes.meeting({ region, id: m.published.meeting });
		case 'meetingApproved':
			return caller.minutes.meeting({ region, id: m.approved.meeting });
		case 'meetingDraft':
			return caller.minutes.meeting({ region, id: m.draft.meeting });
		case 'attachment':
			return caller.minutes.attachment({ region, id: m.published.meeting, attachmentId: m.published.attachment });
		case 'forEditing':
			return caller.minutes.forEditing({ id: m.draft.meeting });
		case 'create':
			return caller.minutes.create({ region, content: minutesContent });
		case 'update':
			return caller.minutes.update({ id: m.draft.meeting, version: 1, content: minutesContent });
		case 'approve':
			return caller.minutes.approve({ id: m.draft.meeting, version: 1, adjusters: ['Justerare Två'] });
		case 'publish':
			return caller.minutes.publish({ id: m.approved.meeting });
		case 'setPublic':
			return caller.minutes.setPublic({ id: m.published.meeting, public: true });
		case 'correct':
			return caller.minutes.correct({ id: m.published.meeting, reason: 'Fel namn på en deltagare.' });
		case 'addAttachment':
			return caller.minutes.addAttachment({
				id: m.draft.meeting,
				key: `private/${'b'.repeat(32)}/ny.pdf`,
				filename: 'ny.pdf',
				size: 10
			});
		case 'removeAttachment':
			return caller.minutes.removeAttachment({ id: m.draft.meeting, attachmentId: m.draft.attachment });
	}
}

/** The meeting ids a list or search answer holds. */
function meetingIds(procedure: MinutesProcedure, value: unknown): number[] {
	const rows = procedure === 'list' ? (value as { meetings: { id: number }[] }).meetings : (value as { id: number }[]);
	return rows.map((r) => r.id).sort((a, b) => a - b);
}

/**
 * Runs every minutes case. An allowed read of a list or search must show exactly what the actor may
 * see (in both modes: with the API's checks off, row-level security must filter the same); a denied
 * call must fail (with an authorization error while the API checks) and change nothing.
 */
export async function runMinutesMatrix(db: Db, owner: Db, fx: Fixtures, mode: 'api-checks' | 'rls-only') {
	const presidium = await seedPresidium(owner, fx);
	const as = minutesCallersFor(db, fx, presidium);
	let denied = 0;
	for (const actor of MINUTES_ACTORS) {
		for (const region of MINUTES_REGIONS) {
			for (const procedure of MINUTES_PROCEDURES) {
				const world = await resetMinutes(owner, fx);
				const label = `${actor} minutes.${procedure} ${region}`;
				const before = await snapshotMinutes(owner);
				const outcome = await callMinutes(as[actor], procedure, region, world).then(
					(value) => ({ ok: true as const, value }),
					(error: unknown) => ({ ok: false as const, error })
				);
				if (minutesAllowed(actor, region, procedure)) {
					expect(outcome.ok, `${label} should be allowed: ${outcome.ok ? '' : String(outcome.error)}`).toBe(true);
					if (outcome.ok && (procedure === 'list' || procedure === 'search')) {
						const expected = visibleStates(actor, region)
							.map((state) => world[region][state].meeting)
							.sort((a, b) => a - b);
						expect(meetingIds(procedure, outcome.value), `${label} shows the wrong meetings`).toEqual(expected);
					}
					continue;
				}
				denied++;
				expect(outcome.ok, `${label} should be denied`).toBe(false);
				if (!outcome.ok && mode === 'api-checks') {
					expect(outcome.error, label).toBeInstanceOf(TRPCError);
					expect(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'], label).toContain((outcome.error as TRPCError).code);
				}
				expect(await snapshotMinutes(owner), `${label} changed the database`).toEqual(before);
			}
		}
	}
	return denied;
}

// ---- The role × procedure matrix for people and roles (admin.*) ----

type Target =
	| { role: 'editor' | 'forbund_admin' | 'presidium'; forbund: 'a' | 'b' | 'c' }
	| { role: 'coordinator'; region: 'norr' | 'syd' }
	| { role: 'platform_admin' };

export const TARGETS: Target[] = [
	{ role: 'editor', forbund: 'a' },
	{ role: 'forbund_admin', forbund: 'a' },
	{ role: 'presidium', forbund: 'a' },
	{ role: 'editor', forbund: 'b' },
	{ role: 'presidium', forbund: 'b' },
	{ role: 'presidium', forbund: 'c' },
	{ role: 'coordinator', region: 'norr' },
	{ role: 'coordinator', region: 'syd' },
	{ role: 'platform_admin' }
];

/** Who may grant and revoke each role, stated here independently of the code under test. */
export function mayManage(actor: Actor, target: Target): boolean {
	if (actor === 'platformAdmin') return true;
	if (actor === 'adminA') return 'forbund' in target && target.forbund === 'a';
	if (actor === 'coordinatorNorr') {
		return (
			(target.role === 'presidium' && target.forbund !== 'c') ||
			(target.role === 'coordinator' && target.region === 'norr')
		);
	}
	return false;
}

type Scope =
	{ kind: 'platform' } | { kind: 'region'; region: 'norr' | 'syd' } | { kind: 'forbund'; forbund: 'a' | 'b' | 'c' };
export const SCOPES: Scope[] = [
	{ kind: 'platform' },
	{ kind: 'region', region: 'norr' },
	{ kind: 'region', region: 'syd' },
	{ kind: 'forbund', forbund: 'a' },
	{ kind: 'forbund', forbund: 'b' },
	{ kind: 'forbund', forbund: 'c' }
];

/** Who may list the people of each scope. */
export function mayList(actor: Actor, scope: Scope): boolean {
	if (actor === 'platformAdmin') return true;
	if (actor === 'coordinatorNorr')
		return (scope.kind === 'region' && scope.region === 'norr') || (scope.kind === 'forbund' && scope.forbund !== 'c');
	if (actor === 'adminA') return scope.kind === 'forbund' && scope.forbund === 'a';
	return false;
}

function targetRow(fx: Fixtures, t: Target) {
	return {
		role: t.role,
		forbund_id: 'forbund' in t ? fx.forbund[t.forbund] : null,
		region_id: 'region' in t ? fx.regions[t.region] : null,
		board_role: t.role === 'presidium' ? ('ledamot' as const) : null
	};
}

/** Everything an admin call could change: people, roles, tokens, sessions. */
export async function snapshotPeople(db: Db) {
	return {
		users: await db.selectFrom('app_user').select(['id', 'email', 'name', 'password_hash']).orderBy('id').execute(),
		memberships: await db.selectFrom('membership').selectAll().orderBy('id').execute(),
		tokens: await db.selectFrom('auth_token').select(['id', 'user_id', 'purpose']).orderBy('id').execute(),
		sessions: await db.selectFrom('session').select(['id', 'user_id']).orderBy('id').execute()
	};
}

/**
 * Runs every admin case: invite and revoke for every role × place, and the people list of every
 * scope. A victim account holds the role to revoke and a live session, which a revoke must end.
 */
export async function runAdminMatrix(
	db: Db,
	owner: Db,
	fx: Fixtures,
	mode: 'api-checks' | 'rls-only',
	mailsSent: () => number
) {
	const as = callersFor(db, fx);
	let denied = 0;
	let n = 0;
	for (const actor of ACTORS) {
		for (const target of TARGETS) {
			// Invite a new person to the role.
			{
				const label = `${actor} invite ${JSON.stringify(target)}`;
				const email = `invitee${++n}@test.example`;
				const row = targetRow(fx, target);
				const before = await snapshotPeople(owner);
				const mails = mailsSent();
				const outcome = await as[actor].admin
					.invite({
						email,
						role: row.role,
						forbundId: row.forbund_id,
						regionId: row.region_id,
						boardRole: row.board_role
					})
					.then(
						() => ({ ok: true as const }),
						(error: unknown) => ({ ok: false as const, error })
					);
				if (mayManage(actor, target)) {
					expect(outcome, label).toEqual({ ok: true });
				} else {
					denied++;
					expect(outcome.ok, `${label} should be denied`).toBe(false);
					if (mode === 'api-checks' && !outcome.ok) {
						expect(['UNAUTHORIZED', 'FORBIDDEN'], label).toContain((outcome.error as TRPCError).code);
					}
					expect(await snapshotPeople(owner), `${label} changed the database`).toEqual(before);
					expect(mailsSent(), `${label} sent a mail`).toBe(mails);
				}
			}
			// Revoke a victim's role.
			{
				const label = `${actor} revoke ${JSON.stringify(target)}`;
				const victim = await owner
					.insertInto('app_user')
					.values({ email: `victim${++n}@test.example`, name: 'Offer' })
					.returning('id')
					.executeTakeFirstOrThrow();
				const membership = await owner
					.insertInto('membership')
					.values({ user_id: victim.id, ...targetRow(fx, target) })
					.returning('id')
					.executeTakeFirstOrThrow();
				await owner
					.insertInto('session')
					.values({ id: `victim-session-${n}`, user_id: victim.id, expires_at: new Date(Date.now() + 3_600_000) })
					.execute();
				const before = await snapshotPeople(owner);
				const outcome = await as[actor].admin.revoke({ membershipId: membership.id }).then(
					() => ({ ok: true as const }),
					(error: unknown) => ({ ok: false as const, error })
				);
				if (mayManage(actor, target)) {
					expect(outcome, label).toEqual({ ok: true });
					const after = await snapshotPeople(owner);
					expect(
						after.memberships.some((m) => m.id === membership.id),
						`${label} kept the role`
					).toBe(false);
					expect(
						after.sessions.some((s) => s.user_id === victim.id),
						`${label} kept the session`
					).toBe(false);
				} else {
					denied++;
					expect(outcome.ok, `${label} should be denied`).toBe(false);
					if (mode === 'api-checks' && !outcome.ok) {
						expect(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'], label).toContain((outcome.error as TRPCError).code);
					}
					expect(await snapshotPeople(owner), `${label} changed the database`).toEqual(before);
				}
			}
			// Send an invitation again to someone who has not chosen a password yet.
			{
				const label = `${actor} resendInvitation ${JSON.stringify(target)}`;
				const pending = await owner
					.insertInto('app_user')
					.values({ email: `pending${++n}@test.example`, name: '' })
					.returning('id')
					.executeTakeFirstOrThrow();
				const membership = await owner
					.insertInto('membership')
					.values({ user_id: pending.id, ...targetRow(fx, target) })
					.returning('id')
					.executeTakeFirstOrThrow();
				const before = await snapshotPeople(owner);
				const mails = mailsSent();
				const outcome = await as[actor].admin.resendInvitation({ membershipId: membership.id }).then(
					() => ({ ok: true as const }),
					(error: unknown) => ({ ok: false as const, error })
				);
				if (mayManage(actor, target)) {
					expect(outcome, label).toEqual({ ok: true });
					const after = await snapshotPeople(owner);
					expect(
						after.tokens.filter((t) => t.user_id === pending.id && t.purpose === 'invite'),
						`${label} made no link`
					).toHaveLength(1);
					expect(mailsSent(), `${label} sent no mail`).toBe(mails + 1);
				} else {
					denied++;
					expect(outcome.ok, `${label} should be denied`).toBe(false);
					if (mode === 'api-checks' && !outcome.ok) {
						expect(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'], label).toContain((outcome.error as TRPCError).code);
					}
					expect(await snapshotPeople(owner), `${label} changed the database`).toEqual(before);
					expect(mailsSent(), `${label} sent a mail`).toBe(mails);
				}
			}
		}
		for (const scope of SCOPES) {
			const label = `${actor} people ${JSON.stringify(scope)}`;
			const input =
				scope.kind === 'platform'
					? { kind: 'platform' as const }
					: scope.kind === 'region'
						? { kind: 'region' as const, id: fx.regions[scope.region] }
						: { kind: 'forbund' as const, id: fx.forbund[scope.forbund] };
			const outcome = await as[actor].admin.people({ scope: input }).then(
				(value) => ({ ok: true as const, value }),
				(error: unknown) => ({ ok: false as const, error })
			);
			if (mayList(actor, scope)) {
				expect(outcome.ok, `${label} should be allowed`).toBe(true);
				continue;
			}
			denied++;
			if (mode === 'api-checks') {
				expect(outcome.ok, `${label} should be denied`).toBe(false);
				continue;
			}
			// Without the API's checks, the database still shows no one's role outside the caller's reach.
			if (outcome.ok) {
				const me = actor === 'anonymous' ? null : fx.users[actor];
				for (const person of outcome.value.people) {
					for (const m of person.memberships) {
						const t = TARGETS.find(
							(t) =>
								JSON.stringify(targetRow(fx, t).role) === JSON.stringify(m.role) &&
								targetRow(fx, t).forbund_id === m.forbund_id &&
								targetRow(fx, t).region_id === m.region_id
						);
						expect(
							person.id === me || (t !== undefined && mayManage(actor, t)),
							`${label} leaked ${person.email}`
						).toBe(true);
					}
				}
			}
		}
	}
	return denied;
}
