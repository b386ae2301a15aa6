import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { expect, it, vi } from 'vitest';
import { assertCanEditNews } from '../src/access.ts';
import { runMatrix } from './matrix.ts';

// The same matrix with the API's own authorization checks switched off: PostgreSQL's row-level
// security alone must still deny every forbidden write and leak no draft.
vi.mock('../src/access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/access.ts')>()),
	assertCanEditNews: () => undefined
}));

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);

it('denies every forbidden call through row-level security alone', async () => {
	// The bypass is in force: the API would let anyone edit anything.
	expect(() => assertCanEditNews([], { forbund_id: fx.forbund.b, region_id: fx.regions.norr })).not.toThrow();
	const denied = await runMatrix(db, owner, fx, 'rls-only');
	expect(denied).toBeGreaterThan(150);
}, 60_000);
