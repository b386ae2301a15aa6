import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import type { Db } from '@regionportalen/db/client';
import type { Database } from '@regionportalen/db';
import { expect } from 'vitest';
import type { createCaller } from '../../src/index.ts';

// One runner for every domain's access matrix. A domain declares its actors, the scopes (tenants,
// targets) it is tried on, the world each case starts from, the tables a call could change, and per
// procedure the call and who may make it. The runner tries every actor × scope × procedure twice over
// the test files: once with the API's checks in place, once with them switched off so that
// PostgreSQL's row-level security alone must refuse.

export type Mode = 'api-checks' | 'rls-only';
export type Caller = ReturnType<typeof createCaller>;

/** What a case knows besides the call's answer. */
export interface CaseContext<Actor extends string, Scope, World> {
	actor: Actor;
	scope: Scope;
	world: World;
	label: string;
	/** The snapshot of the declared tables (and `alsoUnchanged`) taken just before the call. */
	before: Snapshot;
	/** A snapshot taken now. */
	snapshot: () => Promise<Snapshot>;
}

export interface ProcedureCase<Actor extends string, Scope, World> {
	/** Makes the call as `caller`, on `scope`, with the ids of `world`. */
	call: (caller: Caller, scope: Scope, world: World) => Promise<unknown>;
	/** Who may make it, stated independently of the code under test. */
	allowed: (actor: Actor, scope: Scope) => boolean;
	/** Further checks on an allowed call's answer and its effect. */
	verify?: (value: unknown, ctx: CaseContext<Actor, Scope, World>) => void | Promise<void>;
	/**
	 * For a read that row-level security answers by filtering instead of refusing: with the API's checks
	 * off, a denied call may answer, as long as `assertNoLeak` finds nothing the actor may not see.
	 */
	assertNoLeak?: (value: unknown, ctx: CaseContext<Actor, Scope, World>) => void | Promise<void>;
	/** The error codes a refusal may carry while the API checks (default: 401, 403, 404). */
	deniedCodes?: TRPCError['code'][];
}

export interface Matrix<Actor extends string = string, Scope = unknown, World = unknown> {
	name: string;
	actors: readonly Actor[];
	scopes: readonly Scope[];
	callers: Record<Actor, Caller>;
	/** Builds the world a case starts from (called again only after a call that may have changed it). */
	reset: (scope: Scope) => Promise<World>;
	/** The tables a call could change: a refused call must leave them exactly as they were. */
	tables: readonly (keyof Database)[];
	/** Anything else a refused call must leave as it was (mails sent, …). */
	alsoUnchanged?: () => unknown;
	/** Keyed by the router path (`news.create`); `path#variant` tries one procedure in several ways. */
	procedures: Record<string, ProcedureCase<Actor, Scope, World>>;
}

export type Snapshot = { tables: Record<string, unknown[]>; also: unknown };

/** Declares a matrix, keeping its types for the cases. */
export const defineMatrix = <Actor extends string, Scope, World>(m: Matrix<Actor, Scope, World>) => m;

/** The router paths a matrix covers (`minutes.meeting#draft` → `minutes.meeting`). */
export const pathsOf = (m: Matrix<string, unknown, unknown>) => Object.keys(m.procedures).map((k) => k.split('#')[0]!);

const DENIED: TRPCError['code'][] = ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'];

/** Every row of the tables (read as the owner, past row-level security), ordered for comparison. */
async function snapshotOf(owner: Db, m: Matrix<string, unknown, unknown>): Promise<Snapshot> {
	const tables: Record<string, unknown[]> = {};
	for (const table of [...m.tables, 'audit_log' as const]) {
		// By the row's text: every table has an order so, those without an id too (insats_year).
		tables[table] = await owner
			.selectFrom(table)
			.selectAll()
			.orderBy(sql.raw(`${table}::text`))
			.execute();
	}
	return { tables, also: m.alsoUnchanged?.() };
}

/**
 * Runs every case and returns how many were denied. An allowed call must succeed (and pass its
 * `verify`); a denied one must fail — with an authorization error while the API checks — and change
 * nothing. A case's world is built again only after a call that was allowed or changed the scope:
 * a denied call is proved to have changed nothing, so the next case may start from the same world.
 */
export async function runMatrix<Actor extends string, Scope, World>(
	m: Matrix<Actor, Scope, World>,
	owner: Db,
	mode: Mode
): Promise<number> {
	const matrix = m as unknown as Matrix<string, unknown, unknown>;
	let denied = 0;
	let world = null as { scope: Scope; value: World } | null;
	for (const actor of m.actors) {
		for (const scope of m.scopes) {
			for (const [name, c] of Object.entries(m.procedures)) {
				if (world?.scope !== scope) world = { scope, value: await m.reset(scope) };
				const label = `${m.name}: ${actor} ${name} ${JSON.stringify(scope)} (${mode})`;
				const before = await snapshotOf(owner, matrix);
				const ctx: CaseContext<Actor, Scope, World> = {
					actor,
					scope,
					world: world.value,
					label,
					before,
					snapshot: () => snapshotOf(owner, matrix)
				};
				const outcome = await c.call(m.callers[actor], scope, world.value).then(
					(value) => ({ ok: true as const, value }),
					(error: unknown) => ({ ok: false as const, error })
				);
				if (c.allowed(actor, scope)) {
					expect(outcome.ok, `${label} should be allowed: ${outcome.ok ? '' : String(outcome.error)}`).toBe(true);
					if (outcome.ok) await c.verify?.(outcome.value, ctx);
					world = null;
					continue;
				}
				denied++;
				if (outcome.ok) {
					expect(mode === 'rls-only' && c.assertNoLeak !== undefined, `${label} should be denied`).toBe(true);
					await c.assertNoLeak?.(outcome.value, ctx);
				} else if (mode === 'api-checks') {
					expect(outcome.error, label).toBeInstanceOf(TRPCError);
					expect(c.deniedCodes ?? DENIED, label).toContain((outcome.error as TRPCError).code);
				}
				expect(await ctx.snapshot(), `${label} changed the database`).toEqual(before);
			}
		}
	}
	return denied;
}
