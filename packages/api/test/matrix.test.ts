import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import { appRouter } from '../src/root.ts';
import { allMatrices, pathsOf, runMatrix } from './matrix/index.ts';

// Every domain's role × procedure × scope matrix with the API's checks in place; the same matrices
// run with those checks off in matrix-rls-only.test.ts.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);

const matrices = await allMatrices(db, owner, fx);

describe('the access matrices', () => {
	it('try every mutation of the router', () => {
		const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
		const mutations = Object.entries(procedures)
			.filter(([, p]) => p._def.type === 'mutation')
			.map(([path]) => path);
		const covered = new Set(matrices.flatMap(({ matrix }) => pathsOf(matrix)));
		expect(mutations.length).toBeGreaterThan(20);
		expect(mutations.filter((path) => !covered.has(path))).toEqual([]);
		// And name only procedures that exist.
		expect([...covered].filter((path) => !(path in procedures))).toEqual([]);
	});

	it.each(matrices.map(({ matrix, minDenied }) => [matrix.name, matrix, minDenied] as const))(
		'%s: each role may do what it may in its own scope, and every other call is denied without a trace',
		async (_, matrix, minDenied) => {
			expect(await runMatrix(matrix, owner, 'api-checks')).toBeGreaterThan(minDenied);
		},
		180_000
	);
});
