import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from '../src/root.ts';
import { arbitraryFor } from './fuzz/arbitraries.ts';
import { createCaller } from '../src/index.ts';
import { TEST_ORIGIN } from './helpers.ts';

// Every procedure, at least 1,000 generated inputs, as a visitor, a förbund editor and a platform
// admin, against a throw-away database: an answer or a refusal (4xx) in plain Swedish, never a fault
// (500), a stack, SQL or a validator's code. A failure names the procedure and the input that broke
// it (fast-check shrinks it first), with the seed to replay it.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
// As a server builds them: with the client's address, which the per-client limits need.
const as = (id: number | null) =>
	createCaller({
		db,
		user: id === null ? null : { id, email: `u${id}@test.example`, name: `u${id}` },
		session: id === null ? null : { id: `fuzz-session-${id}`, twoFactorVerified: true },
		origin: TEST_ORIGIN,
		clientAddress: '192.0.2.10'
	});
const callers = { visitor: as(null), editor: as(fx.users.editorA), platformAdmin: as(fx.users.platformAdmin) };

export const RUNS_PER_CALLER = 334; // × 3 callers = 1,002 per procedure
const SEED = Number(process.env.RP_FUZZ_SEED ?? 20261204);

type Procedure = { _def: { type: string; inputs: unknown[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

/** One input for all of a procedure's parsers (tRPC merges the objects of chained `.input()`s). */
function inputArbitrary(p: Procedure): fc.Arbitrary<unknown> {
	const parsers = p._def.inputs;
	if (parsers.length === 0) return fc.constant(undefined);
	if (parsers.length === 1) return arbitraryFor(parsers[0]);
	return fc
		.tuple(...parsers.map((s) => arbitraryFor(s)))
		.map((parts) => Object.assign({}, ...parts.map((x) => (x && typeof x === 'object' ? x : {}))));
}

/** What a refusal's caller may read: Swedish sentences, nothing from the inside. */
const LEAKS =
	/(\n\s+at\s|too_big|too_small|invalid_type|invalid_format|unrecognized_keys|violates|constraint|relation "|syntax error|duplicate key|Error:|undefined|NaN)/;

function assertPlainRefusal(path: string, error: TRPCError, input: unknown) {
	const status = getHTTPStatusCodeFromError(error);
	const said = `${path} ${JSON.stringify(input)?.slice(0, 300)} → ${status} ${error.message}`;
	if (status >= 500) throw new Error(`${said}\n${String((error.cause as Error | undefined)?.stack ?? error.stack)}`);
	const typed = JSON.stringify(input) ?? '';
	const messages = [
		error.message,
		...(error.cause instanceof z.ZodError ? error.cause.issues.map((i) => i.message) : [])
	];
	for (const message of messages) {
		const leak = LEAKS.exec(message);
		// A message may quote what was typed (”kontakt” is taken), which may be anything.
		if (leak && !typed.includes(leak[1]!.trim())) throw new Error(`${said}: leaks "${leak[1]}"`);
		if (/^\s*[[{]/.test(message)) throw new Error(`${said}: the message is data, not a sentence`);
	}
}

const counts: Record<string, number> = {};

describe('every procedure, fuzzed', () => {
	it('finds the router', () => expect(procedures.length).toBeGreaterThan(150));

	for (const [path, procedure] of procedures) {
		it(path, { timeout: 120_000 }, async () => {
			const arbitrary = inputArbitrary(procedure);
			const call = (caller: (typeof callers)[keyof typeof callers], input: unknown) => {
				const target = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller);
				return (target as (i: unknown) => Promise<unknown>)(input);
			};
			for (const [who, caller] of Object.entries(callers)) {
				await fc.assert(
					fc.asyncProperty(arbitrary, async (input) => {
						counts[path] = (counts[path] ?? 0) + 1;
						try {
							await call(caller, input);
						} catch (e) {
							if (!(e instanceof TRPCError)) throw new Error(`${path} as ${who}: not an API error: ${String(e)}`);
							assertPlainRefusal(`${path} as ${who}`, e, input);
						}
					}),
					{ numRuns: RUNS_PER_CALLER, seed: SEED, endOnFailure: true }
				);
			}
			expect(counts[path]).toBeGreaterThanOrEqual(3 * RUNS_PER_CALLER);
		});
	}
});
