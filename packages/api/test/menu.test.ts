import { sql } from 'kysely';
import { FEATURES } from '@regionportalen/db';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { callersFor, expectTrpcError } from './helpers.ts';

// A site's main menu: its features' entries and its top-level pages, in its admin's order, each page
// with its published children; what waits (a feature off, a page unpublished) comes back in place.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const as = callersFor(db, fx);
const A = { forbund: 'a' as const };

beforeEach(async () => {
	await owner.deleteFrom('menu_entry').execute();
	await sql`truncate content_page, content_page_revision, content_page_attachment, content_page_redirect cascade`.execute(
		owner
	);
	await owner
		.updateTable('forbund')
		.set({ features: ['news', 'search', 'minutes', 'content'] })
		.execute();
	await owner.updateTable('region').set({ features_off: [] }).execute();
});

async function page(title: string, parentId: number | null = null, site: typeof A | { region: 'norr' } = A) {
	const editor = 'region' in site ? as.coordinatorNorr : as.editorA;
	const created = await editor.content.create({ owner: site, title, parentId });
	return editor.content.publish({ id: created.id });
}

const labels = async (site: typeof A | { region: 'norr' } = A) =>
	(await as.anonymous.sites.menu({ owner: site })).map((e) => e.label);

describe('the main menu', () => {
	it('by default holds the features’ entries, then the top-level published pages with their children', async () => {
		const about = await page('Om förbundet');
		await page('Styrelse och kansli', about.id);
		await page('Kontakt');
		const draft = await as.editorA.content.create({ owner: A, title: 'Utkast' });
		const menu = await as.anonymous.sites.menu({ owner: A });
		expect(menu.map((e) => [e.key, e.label, e.href])).toEqual([
			['feature:news', 'Nyheter', '/nyheter'],
			['feature:search', 'Sök', '/sok'],
			['feature:minutes', 'Presidiet', '/presidiet'],
			[`page:${about.id}`, 'Om förbundet', '/om-forbundet'],
			[expect.stringMatching(/^page:/), 'Kontakt', '/kontakt']
		]);
		expect(menu[3]!.children).toEqual([{ label: 'Styrelse och kansli', href: '/om-forbundet/styrelse-och-kansli' }]);
		expect(menu.some((e) => e.key === `page:${draft.id}`)).toBe(false);
	});

	it('keeps its admin’s order, and an entry that waits comes back where it was', async () => {
		const about = await page('Om förbundet');
		const saved = await as.adminA.sites.saveMenu({
			owner: A,
			keys: [`page:${about.id}`, 'feature:search', 'feature:news']
		});
		expect(saved.saved).toBe(true);
		expect(saved.unused.map((e) => e.key)).toEqual(['feature:minutes']);
		expect(await labels()).toEqual(['Om förbundet', 'Sök', 'Nyheter']);

		await as.editorA.content.unpublish({ id: about.id });
		await owner
			.updateTable('forbund')
			.set({ features: ['news', 'content'] })
			.where('id', '=', fx.forbund.a)
			.execute();
		expect(await labels()).toEqual(['Nyheter']);
		// The admin may save again with the waiting entries in place.
		await as.adminA.sites.saveMenu({ owner: A, keys: [`page:${about.id}`, 'feature:news', 'feature:search'] });
		await as.editorA.content.publish({ id: about.id });
		await owner
			.updateTable('forbund')
			.set({ features: ['news', 'search', 'content'] })
			.where('id', '=', fx.forbund.a)
			.execute();
		expect(await labels()).toEqual(['Om förbundet', 'Nyheter', 'Sök']);

		const audit = await owner.selectFrom('audit_log').selectAll().where('action', '=', 'sites.menu').execute();
		expect(audit).toHaveLength(2);
		expect(audit[0]).toMatchObject({ entity_type: 'menu', forbund_id: fx.forbund.a, region_id: fx.regions.norr });
	});

	it('refuses what is not the site’s: another förbund’s page, a child page, a feature it lacks, a repeat', async () => {
		const about = await page('Om förbundet');
		const child = await page('Styrelse', about.id);
		const other = await as.editorB.content.create({ owner: { forbund: 'b' }, title: 'B:s sida' });
		await as.editorB.content.publish({ id: other.id });
		await owner
			.updateTable('forbund')
			.set({ features: ['news', 'content'] })
			.where('id', '=', fx.forbund.a)
			.execute();
		for (const keys of [[`page:${other.id}`], [`page:${child.id}`], ['feature:search']] as const) {
			const refused = await expectTrpcError(as.adminA.sites.saveMenu({ owner: A, keys: [...keys] }), 'BAD_REQUEST');
			expect(refused.message).toBe('Menyn kan bara innehålla webbplatsens funktioner och sidor.');
		}
		const repeated = await expectTrpcError(
			as.adminA.sites.saveMenu({ owner: A, keys: ['feature:news', 'feature:news'] }),
			'BAD_REQUEST'
		);
		expect(repeated.message).toBe('En länk kan bara finnas en gång i menyn.');
		await expectTrpcError(as.adminA.sites.saveMenu({ owner: A, keys: [] }), 'BAD_REQUEST');
		await expectTrpcError(as.adminA.sites.saveMenu({ owner: A, keys: ['kalender' as never] }), 'BAD_REQUEST');
		expect(await owner.selectFrom('menu_entry').selectAll().execute()).toEqual([]);
	});

	it('gives a region’s part of the hub its own menu under the region’s path, without the features turned off', async () => {
		await page('Om samverkan', null, { region: 'norr' });
		await as.platformAdmin.sites.setRegionFeatures({ region: 'norr', off: ['minutes'] });
		const menu = await as.anonymous.sites.menu({ owner: { region: 'norr' } });
		expect(menu.map((e) => e.href)).toEqual([
			'/norr/nyheter',
			'/norr/sok',
			'/norr/insatser',
			'/norr/dokument',
			'/norr/projekt',
			'/norr/asf',
			'/norr/om-samverkan'
		]);
		expect(await labels(A)).toEqual(['Nyheter', 'Sök', 'Presidiet']);
	});

	it('shows no pages where the site has no content pages', async () => {
		await page('Om förbundet');
		await owner
			.updateTable('forbund')
			.set({ features: ['news'] })
			.where('id', '=', fx.forbund.a)
			.execute();
		expect(await labels()).toEqual(['Nyheter']);
	});

	it('saves every feature’s entry, the catalogue and the documents too', async () => {
		await owner
			.updateTable('forbund')
			.set({ features: [...FEATURES] })
			.where('id', '=', fx.forbund.a)
			.execute();
		await as.adminA.sites.saveMenu({
			owner: A,
			keys: ['feature:documents', 'feature:insatser', 'feature:news', 'feature:search', 'feature:minutes']
		});
		expect(await labels()).toEqual(['Dokument', 'Insatser', 'Nyheter', 'Sök', 'Presidiet']);
	});
});
