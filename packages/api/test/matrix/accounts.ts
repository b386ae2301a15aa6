import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { expect } from 'vitest';
import { callersFor } from '../helpers.ts';
import { NEWS_ACTORS } from './news.ts';
import { defineMatrix, type Snapshot } from './runner.ts';

// People and roles (admin.*): invite, revoke and resend for every role × place, the people list of
// every scope and the audit log, for the same actors as news. Whatever they answer, with the API's
// checks or without, holds no e-mail address of a person the actor does not administer.

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

/**
 * Who administers a person, stated apart from the code under test: themself, a platform admin
 * everyone, a förbund admin those with a role in their förbund, a coordinator those with a role in
 * their region or one of its förbund.
 */
function administers(fx: Fixtures, actor: Actor, person: { id: number; memberships: PlaceOfRole[] }): boolean {
	if (actor === 'anonymous') return false;
	if (person.id === fx.users[actor] || actor === 'platformAdmin') return true;
	if (actor === 'adminA') return person.memberships.some((m) => m.forbund_id === fx.forbund.a);
	if (actor === 'coordinatorNorr') {
		const norr = [fx.forbund.a, fx.forbund.b];
		return person.memberships.some(
			(m) => m.region_id === fx.regions.norr || (m.forbund_id !== null && norr.includes(m.forbund_id))
		);
	}
	return false;
}

type PlaceOfRole = { forbund_id: number | null; region_id: number | null };

/**
 * Fails when `value` (an answer, searched whole) holds the e-mail address of someone the actor does
 * not administer. The people and their roles are read as the owner, past row-level security.
 */
export async function assertOnlyAdministeredEmails(
	owner: Db,
	fx: Fixtures,
	actor: Actor,
	value: unknown,
	label: string
): Promise<void> {
	const people = await owner
		.selectFrom('app_user as u')
		.leftJoin('membership as m', 'm.user_id', 'u.id')
		.select(['u.id', 'u.email', 'm.forbund_id', 'm.region_id'])
		.execute();
	const byEmail = new Map<string, { id: number; memberships: PlaceOfRole[] }>();
	for (const row of people) {
		const person = byEmail.get(row.email) ?? { id: row.id, memberships: [] };
		if (row.forbund_id !== null || row.region_id !== null) person.memberships.push(row);
		byEmail.set(row.email, person);
	}
	const text = JSON.stringify(value) ?? '';
	for (const [email, person] of byEmail) {
		if (text.includes(`"${email}"`)) {
			expect(administers(fx, actor, person), `${label} showed ${email}, someone ${actor} does not administer`).toBe(
				true
			);
		}
	}
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
				verify: (value, { actor, label }) => assertOnlyAdministeredEmails(owner, fx, actor, value, label),
				// Without the API's checks, the database still shows no one's role outside the caller's
				// reach, and no address of anyone the caller does not administer.
				assertNoLeak: async (value, { actor, label }) => {
					await assertOnlyAdministeredEmails(owner, fx, actor, value, label);
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

/**
 * The audit log's world: entries the caller can read that name people it cannot administer (an
 * editor of B acting in A), and account entries about people of other förbund.
 */
async function auditWorld(owner: Db, fx: Fixtures) {
	const n = ++serial;
	const person = async (key: string, places: PlaceOfRole[]) => {
		const { id } = await owner
			.insertInto('app_user')
			.values({ email: `${key}${n}@test.example`, name: `${key} ${n}` })
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const place of places) {
			await owner
				.insertInto('membership')
				.values({ user_id: id, role: place.forbund_id ? 'editor' : 'coordinator', ...place })
				.execute();
		}
		return id;
	};
	const inB = await person('editorb', [{ forbund_id: fx.forbund.b, region_id: null }]);
	const inCAndA = await person('editorca', [
		{ forbund_id: fx.forbund.c, region_id: null },
		{ forbund_id: fx.forbund.a, region_id: null }
	]);
	const inSyd = await person('coordinatorsyd', [{ forbund_id: null, region_id: fx.regions.syd }]);
	const entry = (actor: number, forbundId: number | null, regionId: number, action: string, summary: string) => ({
		actor_id: actor,
		subject_id: action.startsWith('account.') ? actor : null,
		entity_type: action.startsWith('account.') ? 'user' : 'news',
		entity_id: String(actor),
		action,
		forbund_id: forbundId,
		region_id: regionId,
		summary
	});
	await owner
		.insertInto('audit_log')
		.values([
			entry(inB, fx.forbund.a, fx.regions.norr, 'news.update', `Ändrade en nyhet i A ${n}`),
			entry(inB, fx.forbund.b, fx.regions.norr, 'account.password_change', `Bytte lösenord i B ${n}`),
			entry(inCAndA, fx.forbund.c, fx.regions.syd, 'account.password_change', `Bytte lösenord i C och A ${n}`),
			entry(inSyd, null, fx.regions.syd, 'account.logout_everywhere', `Loggade ut i syd ${n}`)
		])
		.execute();
	return { n, inB, inCAndA, inSyd };
}

export function adminAuditMatrix(db: Db, owner: Db, fx: Fixtures) {
	type Entry = { summary: string; actor: string | null; subject: string | null };
	const summaries = (value: unknown) => (value as { entries: Entry[] }).entries.map((e) => e.summary);
	return defineMatrix<Actor, 'log', Awaited<ReturnType<typeof auditWorld>>>({
		name: 'admin audit',
		actors: NEWS_ACTORS,
		scopes: ['log'],
		callers: callersFor(db, fx),
		reset: () => auditWorld(owner, fx),
		tables: ['app_user', 'membership'],
		procedures: {
			'admin.audit': {
				call: (c) => c.admin.audit({}),
				allowed: (actor) => ['adminA', 'coordinatorNorr', 'platformAdmin'].includes(actor),
				verify: async (value, { actor, world, label }) => {
					await assertOnlyAdministeredEmails(owner, fx, actor, value, label);
					const { n } = world;
					const seen = summaries(value);
					// The account entries of the people they administer, wherever the entry was placed.
					const expected = {
						adminA: [`Ändrade en nyhet i A ${n}`, `Bytte lösenord i C och A ${n}`],
						coordinatorNorr: [`Ändrade en nyhet i A ${n}`, `Bytte lösenord i B ${n}`, `Bytte lösenord i C och A ${n}`],
						platformAdmin: [
							`Ändrade en nyhet i A ${n}`,
							`Bytte lösenord i B ${n}`,
							`Bytte lösenord i C och A ${n}`,
							`Loggade ut i syd ${n}`
						]
					}[actor as 'adminA']!;
					expect(seen.filter((s) => s.endsWith(` ${n}`)).sort(), label).toEqual([...expected].sort());
					// An editor of B acting in A: adminA reads the entry, and the name, not the address.
					const inA = (value as { entries: Entry[] }).entries.find((e) => e.summary === `Ändrade en nyhet i A ${n}`);
					expect(inA?.actor, label).toBe(actor === 'adminA' ? `editorb ${n}` : `editorb${n}@test.example`);
				},
				// Without the API's checks: the entries RLS lets through, and no address of anyone else.
				assertNoLeak: (value, { actor, label }) => assertOnlyAdministeredEmails(owner, fx, actor, value, label)
			}
		}
	});
}
