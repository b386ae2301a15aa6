import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { expect, it, vi } from 'vitest';
import { assertCanEditNews, assertCanWriteMinutes, canReadMinutes } from '../src/access.ts';
import { runMatrix, runMinutesMatrix } from './matrix.ts';

// The same matrix with the API's own authorization checks switched off: PostgreSQL's row-level
// security alone must still deny every forbidden write and leak no draft.
vi.mock('../src/access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/access.ts')>()),
	assertCanEditNews: () => undefined,
	canReadMinutes: () => true,
	canWriteMinutes: () => true,
	assertCanReadMinutes: () => undefined,
	assertCanWriteMinutes: () => undefined
}));

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);

it('denies every forbidden call through row-level security alone', async () => {
	// The bypass is in force: the API would let anyone edit anything.
	expect(() => assertCanEditNews([], { forbund_id: fx.forbund.b, region_id: fx.regions.norr })).not.toThrow();
	const denied = await runMatrix(db, owner, fx, 'rls-only');
	expect(denied).toBeGreaterThan(150);
}, 60_000);

it('denies every forbidden minutes call, and shows only what each role may see, through row-level security alone', async () => {
	expect(() => assertCanWriteMinutes([], { regionId: fx.regions.norr })).not.toThrow();
	expect(canReadMinutes([], { regionId: fx.regions.norr, forbundIds: [] })).toBe(true);
	const denied = await runMinutesMatrix(db, owner, fx, 'rls-only');
	expect(denied).toBeGreaterThan(120);
}, 120_000);
