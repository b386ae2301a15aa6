import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { startSmtpCapture } from '@regionportalen/mail/testing';
import { afterAll, expect, it, vi } from 'vitest';
import { assertCanManageMembership } from '../src/accounts/access.ts';
import { assertCanWriteMinutes, canReadMinutes } from '../src/minutes/access.ts';
import { assertCanEditNews } from '../src/news/access.ts';
import { runAdminMatrix, runMatrix, runMinutesMatrix } from './matrix.ts';

// The same matrix with the API's own authorization checks switched off: PostgreSQL's row-level
// security alone must still deny every forbidden write and leak no draft or role.
vi.mock('../src/news/access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/news/access.ts')>()),
	assertCanEditNews: () => undefined
}));
vi.mock('../src/minutes/access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/minutes/access.ts')>()),
	canReadMinutes: () => true,
	canWriteMinutes: () => true,
	assertCanReadMinutes: () => undefined,
	assertCanWriteMinutes: () => undefined
}));
vi.mock('../src/accounts/access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/accounts/access.ts')>()),
	assertCanManageMembership: () => undefined,
	assertCanAdministerScope: () => undefined,
	assertCanReadAuditLog: () => undefined
}));

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const smtp = await startSmtpCapture();
process.env.SMTP_URL = smtp.url;
afterAll(() => smtp.close());

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

it('denies every forbidden grant and revoke through row-level security alone', async () => {
	expect(() =>
		assertCanManageMembership([], {
			role: 'platform_admin',
			forbund_id: null,
			region_id: null,
			forbund_region_id: null
		})
	).not.toThrow();
	const denied = await runAdminMatrix(db, owner, fx, 'rls-only', () => smtp.mails.length);
	expect(denied).toBeGreaterThan(100);
}, 120_000);
