import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { expect } from 'vitest';
import { callersFor } from '../helpers.ts';
import { NEWS_ACTORS } from './news.ts';
import { defineMatrix, type Snapshot } from './runner.ts';

// People and roles (admin.*): invite, revoke and resend for every role × place, and the people list
// of every scope, for the same actors as news.

type Actor = (typeof NEWS_ACTORS)[number];

type Target =
	| { role: 'editor' | 'forbund_admin' | 'presidium'; forbund: 'a' | 'b' | 'c' }
	| { role: 'coordinator'; region: 'norr' | 'syd' }
	| { role: 'platform_admin' };

const TARGETS: Target[] = [
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

/** Who may grant and revoke each role. */
function mayManage(actor: Actor, target: Target): boolean {
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
const SCOPES: Scope[] = [
	{ kind: 'platform' },
	{ kind: 'region', region: 'norr' },
	{ kind: 'region', region: 'syd' },
	{ kind: 'forbund', forbund: 'a' },
	{ kind: 'forbund', forbund: 'b' },
	{ kind: 'forbund', forbund: 'c' }
];

/** Who may list the people of each scope. */
function mayList(actor: Actor, scope: Scope): boolean {
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

let serial = 0;

/**
 * For one target role: a victim who holds it and has a live session (a revoke must end both), and
 * an invited person who has not chosen a password yet (for a resend).
 */
async function targetWorld(owner: Db, fx: Fixtures, target: Target) {
	const n = ++serial;
	const person = async (email: string, name: string) =>
		(await owner.insertInto('app_user').values({ email, name }).returning('id').executeTakeFirstOrThrow()).id;
	const membership = async (userId: number) =>
		(
			await owner
				.insertInto('membership')
				.values({ user_id: userId, ...targetRow(fx, target) })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	const victim = await person(`victim${n}@test.example`, 'Offer');
	const victimMembership = await membership(victim);
	await owner
		.insertInto('session')
		.values({ id: `victim-session-${n}`, user_id: victim, expires_at: new Date(Date.now() + 3_600_000) })
		.execute();
	const pending = await person(`pending${n}@test.example`, '');
	return { victim, victimMembership, pending, pendingMembership: await membership(pending) };
}

const PEOPLE_TABLES = ['app_user', 'membership', 'auth_token', 'session', 'mail_outbox'] as const;
/** The mails queued so far (the outbox: no mail is sent inside a request). */
const mails = (s: Snapshot) => s.tables.mail_outbox!.length;

export function adminRolesMatrix(db: Db, owner: Db, fx: Fixtures) {
	return defineMatrix<Actor, Target, Awaited<ReturnType<typeof targetWorld>>>({
		name: 'admin roles',
		actors: NEWS_ACTORS,
		scopes: TARGETS,
		callers: callersFor(db, fx),
		reset: (target) => targetWorld(owner, fx, target),
		tables: PEOPLE_TABLES,
		procedures: {
			'admin.invite': {
				call: (c, target) => {
					const row = targetRow(fx, target);
					return c.admin.invite({
						email: `invitee${++serial}@test.example`,
						role: row.role,
						forbundId: row.forbund_id,
						regionId: row.region_id,
						boardRole: row.board_role
					});
				},
				allowed: mayManage,
				deniedCodes: ['UNAUTHORIZED', 'FORBIDDEN'],
				verify: async (_, { before, snapshot, label }) => {
					expect(mails(await snapshot()), `${label} queued no mail`).toBe(mails(before) + 1);
				}
			},
			'admin.revoke': {
				call: (c, _, w) => c.admin.revoke({ membershipId: w.victimMembership }),
				allowed: mayManage,
				verify: async (_, { world, snapshot, label }) => {
					const after = (await snapshot()).tables as Record<string, { id: unknown; user_id?: number }[]>;
					expect(
						after.membership!.some((m) => m.id === world.victimMembership),
						`${label} kept the role`
					).toBe(false);
					expect(
						after.session!.some((s) => s.user_id === world.victim),
						`${label} kept the session`
					).toBe(false);
				}
			},
			'admin.resendInvitation': {
				call: (c, _, w) => c.admin.resendInvitation({ membershipId: w.pendingMembership }),
				allowed: mayManage,
				verify: async (_, { world, before, snapshot, label }) => {
					const after = await snapshot();
					const tokens = after.tables.auth_token as { user_id: number; purpose: string }[];
					expect(
						tokens.filter((t) => t.user_id === world.pending && t.purpose === 'invite'),
						`${label} made no link`
					).toHaveLength(1);
					expect(mails(after), `${label} queued no mail`).toBe(mails(before) + 1);
				}
			}
		}
	});
}

export function adminPeopleMatrix(db: Db, owner: Db, fx: Fixtures) {
	const input = (scope: Scope) =>
		scope.kind === 'platform'
			? { kind: 'platform' as const }
			: scope.kind === 'region'
				? { kind: 'region' as const, id: fx.regions[scope.region] }
				: { kind: 'forbund' as const, id: fx.forbund[scope.forbund] };
	return defineMatrix<Actor, Scope, null>({
		name: 'admin people',
		actors: NEWS_ACTORS,
		scopes: SCOPES,
		callers: callersFor(db, fx),
		reset: async () => null,
		tables: PEOPLE_TABLES,
		procedures: {
			'admin.people': {
				call: (c, scope) => c.admin.people({ scope: input(scope) }),
				allowed: mayList,
				// Without the API's checks, the database still shows no one's role outside the caller's reach.
				assertNoLeak: (value, { actor, label }) => {
					const me = actor === 'anonymous' ? null : fx.users[actor];
					const people = (
						value as {
							people: {
								id: number;
								email: string;
								memberships: { role: string; forbund_id: number | null; region_id: number | null }[];
							}[];
						}
					).people;
					for (const person of people) {
						for (const m of person.memberships) {
							const t = TARGETS.find((t) => {
								const row = targetRow(fx, t);
								return row.role === m.role && row.forbund_id === m.forbund_id && row.region_id === m.region_id;
							});
							expect(
								person.id === me || (t !== undefined && mayManage(actor, t)),
								`${label} leaked ${person.email}`
							).toBe(true);
						}
					}
				}
			}
		}
	});
}
