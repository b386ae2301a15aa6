import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { expect, it } from 'vitest';
import { runMatrix, runMinutesMatrix } from './matrix.ts';

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);

it('allows each role its own tenant, and denies every other call without changing anything', async () => {
	const denied = await runMatrix(db, owner, fx, 'api-checks');
	expect(denied).toBeGreaterThan(150);
}, 60_000);

it('lets each role read and write the minutes it may, and denies every other call without changing anything', async () => {
	const denied = await runMinutesMatrix(db, owner, fx, 'api-checks');
	expect(denied).toBeGreaterThan(120);
}, 120_000);
