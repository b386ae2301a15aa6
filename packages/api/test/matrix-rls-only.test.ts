import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { expect, it, vi } from 'vitest';
import { assertCanEditAccessibility } from '../src/accessibility/access.ts';
import { assertCanManageMembership } from '../src/accounts/access.ts';
import { assertCanKeepRegister } from '../src/asf/access.ts';
import { assertCanReadAgreementInternals } from '../src/asf/agreements-access.ts';
import { assertCanEditPages } from '../src/content/access.ts';
import { assertCanEditDocuments } from '../src/documents/access.ts';
import { assertCanApproveInsats } from '../src/insatser/access.ts';
import { assertCanWriteMinutes, canReadMinutes } from '../src/minutes/access.ts';
import { assertCanEditNews } from '../src/news/access.ts';
import { assertCanApproveProject } from '../src/projects/access.ts';
import { assertCanSetRegionFeatures } from '../src/sites/access.ts';
import { allMatrices, runMatrix } from './matrix/index.ts';

// The same matrices with the API's own authorization checks switched off: PostgreSQL's row-level
// security alone must still deny every forbidden write and leak no draft or role. A new domain adds
// its access module's bypass here.
vi.mock('../src/news/access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/news/access.ts')>()),
	assertCanEditNews: () => undefined
}));
vi.mock('../src/content/access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/content/access.ts')>()),
	assertCanEditPages: () => undefined
}));
vi.mock('../src/documents/access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/documents/access.ts')>()),
	assertCanEditDocuments: () => undefined
}));
vi.mock('../src/minutes/access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/minutes/access.ts')>()),
	canReadMinutes: () => true,
	canWriteMinutes: () => true,
	assertCanReadMinutes: () => undefined,
	assertCanWriteMinutes: () => undefined
}));
vi.mock('../src/insatser/usage.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/insatser/usage.ts')>()),
	assertCanReadUsage: () => undefined
}));
vi.mock('../src/mail/access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/mail/access.ts')>()),
	assertCanReadMail: () => 'all'
}));
vi.mock('../src/sites/access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/sites/access.ts')>()),
	assertCanSetRegionFeatures: () => undefined,
	assertCanArrangeMenu: () => undefined
}));
vi.mock('../src/accounts/access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/accounts/access.ts')>()),
	canManageMembership: () => true,
	assertCanManageMembership: () => undefined,
	canAdministerScope: () => true,
	assertCanAdministerScope: () => undefined,
	canReadAuditLog: () => true,
	assertCanReadAuditLog: () => undefined
}));

vi.mock('../src/insatser/access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/insatser/access.ts')>()),
	canEditInsats: () => true,
	canApproveInsats: () => true,
	assertCanEditInsats: () => undefined,
	assertCanApproveInsats: () => undefined,
	canExtendCategories: () => true,
	assertCanExtendCategories: () => undefined
}));

vi.mock('../src/projects/access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/projects/access.ts')>()),
	canWriteProject: () => true,
	canApproveProject: () => true,
	canChangePublishedProject: () => true,
	canWriteProjectsOf: () => true,
	isForbundWriter: () => true,
	assertCanWriteProject: () => undefined,
	assertCanApproveProject: () => undefined
}));

vi.mock('../src/asf/access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/asf/access.ts')>()),
	canKeepRegister: () => true,
	canReadNotes: () => true,
	canLeaveNote: () => true,
	canReadRequests: () => true,
	canAskForPlace: () => true,
	assertCanKeepRegister: () => undefined,
	assertCanReadNotes: () => undefined,
	assertCanLeaveNote: () => undefined,
	assertCanReadRequests: () => undefined,
	assertCanAskForPlace: () => undefined
}));

vi.mock('../src/asf/agreements-access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/asf/agreements-access.ts')>()),
	canReadAgreementInternals: () => true,
	assertCanReadAgreementInternals: () => undefined
}));

vi.mock('../src/accessibility/access.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('../src/accessibility/access.ts')>()),
	assertCanEditAccessibility: () => undefined
}));

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);

const matrices = await allMatrices(db, owner, fx);

it('has the bypass in force: the API would let anyone do anything', () => {
	expect(() => assertCanEditNews([], { forbund_id: fx.forbund.b, region_id: fx.regions.norr })).not.toThrow();
	expect(() => assertCanEditPages([], { forbund_id: fx.forbund.b, region_id: fx.regions.norr })).not.toThrow();
	expect(() => assertCanEditDocuments([], { forbund_id: fx.forbund.b, region_id: fx.regions.norr })).not.toThrow();
	expect(() => assertCanWriteMinutes([], { regionId: fx.regions.norr })).not.toThrow();
	expect(() => assertCanEditAccessibility([], null)).not.toThrow();
	expect(() => assertCanApproveInsats([], fx.forbund.b)).not.toThrow();
	expect(() => assertCanSetRegionFeatures([])).not.toThrow();
	expect(() => assertCanKeepRegister([], fx.regions.norr)).not.toThrow();
	expect(() => assertCanReadAgreementInternals([], { regionId: fx.regions.norr, forbundIds: [] })).not.toThrow();
	expect(() =>
		assertCanApproveProject([], { owner_forbund_id: fx.forbund.b, region_id: fx.regions.norr })
	).not.toThrow();
	expect(canReadMinutes([], { regionId: fx.regions.norr, forbundIds: [] })).toBe(true);
	expect(() =>
		assertCanManageMembership([], {
			role: 'platform_admin',
			forbund_id: null,
			region_id: null,
			forbund_region_id: null
		})
	).not.toThrow();
});

it.each(matrices.map(({ matrix, minDenied }) => [matrix.name, matrix, minDenied] as const))(
	'%s: row-level security alone denies every forbidden call and shows nothing it should not',
	async (_, matrix, minDenied) => {
		expect(await runMatrix(matrix, owner, 'rls-only')).toBeGreaterThan(minDenied);
	},
	180_000
);
