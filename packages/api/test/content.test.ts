import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { seedDemoPages } from '@regionportalen/db/demo';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { RESERVED_SLUGS } from '../src/content/index.ts';
import { renderStoredBodies } from '../src/core/index.ts';
import { callersFor, expectTrpcError } from './helpers.ts';

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const as = callersFor(db, fx);
const A = { forbund: 'a' as const };

beforeEach(async () => {
	// Children before parents: the parent key refuses to orphan a page.
	await sql`truncate content_page, content_page_revision, content_page_attachment, content_page_redirect cascade`.execute(
		owner
	);
});

type Caller = (typeof as)['editorA'];
/** A published page of förbund A as its editor makes it. */
async function published(
	fields: { title: string; slug?: string; parentId?: number | null; lead?: string; body?: string; position?: number },
	caller: Caller = as.editorA
) {
	const page = await caller.content.create({ owner: caller === as.editorB ? { forbund: 'b' } : A, ...fields });
	return caller.content.publish({ id: page.id });
}

const byPath = (p: string, caller: Caller = as.anonymous) =>
	caller.content.byPath({ owner: A, path: p.split('/').filter(Boolean) });

describe('content pages for visitors', () => {
	it('shows a page once it is published, with its body rendered and sanitised', async () => {
		const page = await as.editorA.content.create({
			owner: A,
			title: 'Om förbundet',
			lead: 'Vad vi gör.',
			body: '## Uppdrag\n\nVi **samordnar**. <script>alert(1)</script>'
		});
		expect(page).toMatchObject({ slug: 'om-forbundet', status: 'draft', version: 1, parent_id: null });
		// A draft is invisible to visitors, and to the public procedures even for its editor.
		await expectTrpcError(byPath('/om-forbundet'), 'NOT_FOUND');
		await expectTrpcError(byPath('/om-forbundet', as.editorA), 'NOT_FOUND');
		expect(await as.anonymous.content.tree({ owner: A })).toEqual([]);

		await as.editorA.content.publish({ id: page.id });
		const read = await byPath('/om-forbundet');
		if ('redirect' in read) throw new Error('expected a page');
		expect(read.page).toMatchObject({ title: 'Om förbundet', lead: 'Vad vi gör.', path: '/om-forbundet' });
		expect(read.page.body_html).toContain('<strong>samordnar</strong>');
		expect(read.page.body_html).not.toContain('<script');
		expect(read.breadcrumbs).toEqual([]);
		expect(read.page.attachments).toEqual([]);
	});

	it('gives a page its breadcrumbs and its published children in position order, with their leads', async () => {
		const parent = await published({ title: 'Om förbundet' });
		await published({ title: 'Kontakt', parentId: parent.id, position: 2, lead: 'Så når du oss.' });
		const board = await published({ title: 'Styrelse och kansli', parentId: parent.id, position: 1 });
		await as.editorA.content.create({ owner: A, title: 'Utkast', parentId: parent.id, position: 0 });
		await published({ title: 'Ledamöter', parentId: board.id });

		const read = await byPath('/om-forbundet');
		if ('redirect' in read) throw new Error('expected a page');
		expect(read.children.map((c) => [c.title, c.path, c.lead])).toEqual([
			['Styrelse och kansli', '/om-forbundet/styrelse-och-kansli', ''],
			['Kontakt', '/om-forbundet/kontakt', 'Så når du oss.']
		]);
		const deep = await byPath('/om-forbundet/styrelse-och-kansli/ledamoter');
		if ('redirect' in deep) throw new Error('expected a page');
		expect(deep.breadcrumbs).toEqual([
			{ title: 'Om förbundet', path: '/om-forbundet' },
			{ title: 'Styrelse och kansli', path: '/om-forbundet/styrelse-och-kansli' }
		]);

		expect(await as.anonymous.content.tree({ owner: A })).toEqual([
			{ id: parent.id, parent_id: null, title: 'Om förbundet', path: '/om-forbundet', position: 0 },
			expect.objectContaining({ title: 'Styrelse och kansli', path: '/om-forbundet/styrelse-och-kansli' }),
			expect.objectContaining({ title: 'Ledamöter', path: '/om-forbundet/styrelse-och-kansli/ledamoter' }),
			expect.objectContaining({ title: 'Kontakt', path: '/om-forbundet/kontakt', position: 2 })
		]);
		// Another owner's pages are not in this tree, nor found at this owner's paths.
		await published({ title: 'Om förbundet' }, as.editorB);
		expect(await as.anonymous.content.tree({ owner: { forbund: 'b' } })).toHaveLength(1);
		expect(await as.anonymous.content.tree({ owner: A })).toHaveLength(4);
	});

	it('hides a published page under an unpublished parent', async () => {
		const parent = await published({ title: 'Om förbundet' });
		await published({ title: 'Kontakt', parentId: parent.id });
		await as.editorA.content.unpublish({ id: parent.id });
		await expectTrpcError(byPath('/om-forbundet/kontakt'), 'NOT_FOUND');
		expect(await as.anonymous.content.sitemap({ owner: A })).toEqual([]);
	});

	it('answers an unknown address with a Swedish 404', async () => {
		const error = await expectTrpcError(byPath('/finns-inte'), 'NOT_FOUND');
		expect(error.message).toMatch(/^Sidan finns inte/);
	});

	it('renders a body written by SQL when read, and stores it when asked', async () => {
		const page = await published({ title: 'Om förbundet', body: 'Text' });
		await owner.updateTable('content_page').set({ body: 'Ny **text**' }).where('id', '=', page.id).execute();
		const read = await byPath('/om-forbundet');
		if ('redirect' in read) throw new Error('expected a page');
		expect(read.page.body_html).toContain('<strong>text</strong>');
		expect(await renderStoredBodies(owner, 'content_page')).toBe(1);
		const row = await owner.selectFrom('content_page').select('body_html').executeTakeFirstOrThrow();
		expect(row.body_html).toContain('<strong>text</strong>');
	});
});

describe('addresses that change', () => {
	it('keeps the old address of a renamed page and of its children as 301s to the new ones', async () => {
		const parent = await published({ title: 'Om oss' });
		await published({ title: 'Kontakt', parentId: parent.id });
		const current = await as.editorA.content.byId({ id: parent.id });
		await as.editorA.content.update({
			id: parent.id,
			version: current.version,
			title: 'Om förbundet',
			slug: 'om-forbundet',
			parentId: null
		});
		expect(await byPath('/om-oss')).toEqual({ redirect: '/om-forbundet' });
		expect(await byPath('/om-oss/kontakt')).toEqual({ redirect: '/om-forbundet/kontakt' });
		expect(await byPath('/om-forbundet/kontakt')).toMatchObject({ page: { title: 'Kontakt' } });

		// Renamed again: the first address follows the page, not the second address.
		const again = await as.editorA.content.byId({ id: parent.id });
		await as.editorA.content.update({
			id: parent.id,
			version: again.version,
			title: 'Förbundet',
			slug: 'forbundet',
			parentId: null
		});
		expect(await byPath('/om-oss/kontakt')).toEqual({ redirect: '/forbundet/kontakt' });
		expect(await byPath('/om-forbundet')).toEqual({ redirect: '/forbundet' });
	});

	it('keeps the old addresses when a page moves under another parent', async () => {
		const about = await published({ title: 'Om förbundet' });
		const contact = await published({ title: 'Kontakt' });
		await published({ title: 'Karta', parentId: contact.id });
		const c = await as.editorA.content.byId({ id: contact.id });
		await as.editorA.content.update({ id: c.id, version: c.version, title: c.title, slug: c.slug, parentId: about.id });
		expect(await byPath('/kontakt')).toEqual({ redirect: '/om-forbundet/kontakt' });
		expect(await byPath('/kontakt/karta')).toEqual({ redirect: '/om-forbundet/kontakt/karta' });
		const redirects = await owner.selectFrom('content_page_redirect').select(['path', 'forbund_id']).execute();
		expect(redirects).toHaveLength(2);
		expect(redirects.every((r) => r.forbund_id === fx.forbund.a)).toBe(true);
	});

	it('drops a redirect when a page takes its address, and never redirects to a draft', async () => {
		const page = await published({ title: 'Om oss' });
		const p = await as.editorA.content.byId({ id: page.id });
		await as.editorA.content.update({
			id: p.id,
			version: p.version,
			title: 'Om',
			slug: 'om-forbundet',
			parentId: null
		});
		expect(await byPath('/om-oss')).toEqual({ redirect: '/om-forbundet' });

		const newcomer = await published({ title: 'Om oss' });
		expect(newcomer.slug).toBe('om-oss');
		expect(await owner.selectFrom('content_page_redirect').selectAll().execute()).toEqual([]);
		expect(await byPath('/om-oss')).toMatchObject({ page: { id: newcomer.id } });

		const moved = await as.editorA.content.byId({ id: newcomer.id });
		await as.editorA.content.update({
			id: moved.id,
			version: moved.version,
			title: 'Ny plats',
			slug: 'x',
			parentId: null
		});
		await as.editorA.content.unpublish({ id: newcomer.id });
		await expectTrpcError(byPath('/om-oss'), 'NOT_FOUND');
	});

	it('refuses a reserved name at the top, but not under a page', async () => {
		for (const slug of ['nyheter', 'redaktor', 'sok', 'admin']) {
			const error = await expectTrpcError(
				as.editorA.content.create({ owner: A, title: 'Nyheter', slug }),
				'BAD_REQUEST'
			);
			expect(error.message).toContain('används redan av webbplatsen');
		}
		// A title that would give a reserved slug gets the next free one instead.
		expect((await as.editorA.content.create({ owner: A, title: 'Nyheter' })).slug).toBe('nyheter-2');
		const parent = await as.editorA.content.create({ owner: A, title: 'Om förbundet' });
		const child = await as.editorA.content.create({ owner: A, title: 'Nyheter', parentId: parent.id });
		expect(child.slug).toBe('nyheter');
		// Moving that child to the top with its name is refused too.
		const error = await expectTrpcError(
			as.editorA.content.update({
				id: child.id,
				version: child.version,
				title: 'Nyheter',
				slug: 'nyheter',
				parentId: null
			}),
			'BAD_REQUEST'
		);
		expect(error.message).toContain('används redan av webbplatsen');
	});

	it('refuses a slug a sibling has', async () => {
		await as.editorA.content.create({ owner: A, title: 'Kontakt' });
		const error = await expectTrpcError(
			as.editorA.content.create({ owner: A, title: 'Kontakta oss', slug: 'kontakt' }),
			'BAD_REQUEST'
		);
		expect(error.message).toContain('Det finns redan en sida med adressen ”kontakt”');
	});

	it('refuses a parent that would make a cycle, in the API and in the database', async () => {
		const top = await as.editorA.content.create({ owner: A, title: 'Överst' });
		const middle = await as.editorA.content.create({ owner: A, title: 'Mitten', parentId: top.id });
		const bottom = await as.editorA.content.create({ owner: A, title: 'Nederst', parentId: middle.id });
		for (const parentId of [top.id, bottom.id]) {
			const error = await expectTrpcError(
				as.editorA.content.update({ id: top.id, version: 1, title: 'Överst', slug: 'overst', parentId }),
				'BAD_REQUEST'
			);
			expect(error.message).toContain('kan inte ligga under sig själv');
		}
		await expect(
			owner.updateTable('content_page').set({ parent_id: bottom.id }).where('id', '=', top.id).execute()
		).rejects.toThrow(/cycle/);
	});

	it('refuses a parent of another owner, in the API and in the database', async () => {
		const other = await as.editorB.content.create({ owner: { forbund: 'b' }, title: 'B:s sida' });
		const error = await expectTrpcError(
			as.platformAdmin.content.create({ owner: A, title: 'Under B', parentId: other.id }),
			'BAD_REQUEST'
		);
		expect(error.message).toContain('Den överordnade sidan finns inte');
		await expect(
			owner
				.insertInto('content_page')
				.values({ region_id: fx.regions.norr, forbund_id: fx.forbund.a, slug: 'x', title: 'X', parent_id: other.id })
				.execute()
		).rejects.toThrow(/another owner/);
	});
});

describe('editing a page', () => {
	it('refuses a save over a newer one, in Swedish', async () => {
		const page = await as.editorA.content.create({ owner: A, title: 'Kontakt' });
		await as.adminA.content.update({ id: page.id, version: 1, title: 'Kontakt oss', slug: 'kontakt' });
		const error = await expectTrpcError(
			as.editorA.content.update({ id: page.id, version: 1, title: 'Kontakta', slug: 'kontakt' }),
			'CONFLICT'
		);
		expect(error.message).toContain('Någon annan har sparat sidan');
	});

	it('keeps a revision of every save and restores an earlier text as a new one', async () => {
		const page = await as.editorA.content.create({ owner: A, title: 'Kontakt', body: 'Första' });
		const saved = await as.editorA.content.update({
			id: page.id,
			version: 1,
			title: 'Kontakta oss',
			slug: 'kontakt',
			body: 'Andra'
		});
		const revisions = await as.editorA.content.revisions({ id: page.id });
		expect(revisions.map((r) => [r.version, r.title])).toEqual([
			[2, 'Kontakta oss'],
			[1, 'Kontakt']
		]);
		const restored = await as.editorA.content.restore({
			id: page.id,
			revisionId: revisions[1]!.id,
			version: saved.version
		});
		expect(restored).toMatchObject({ version: 3, title: 'Kontakt', body: 'Första', slug: 'kontakt' });
		expect(restored.body_html).toBe('<p>Första</p>\n');
		expect(await as.editorA.content.revisions({ id: page.id })).toHaveLength(3);
	});

	it('requires alt text with an image, and lists the page’s attachments with it', async () => {
		const page = await published({ title: 'Kontakt' });
		await expectTrpcError(
			as.editorA.content.setImage({
				id: page.id,
				version: page.version,
				key: `images/${'a'.repeat(32)}`,
				width: 960,
				height: 640,
				alt: ' '
			}),
			'BAD_REQUEST'
		);
		const withImage = await as.editorA.content.setImage({
			id: page.id,
			version: page.version,
			key: `images/${'a'.repeat(32)}`,
			width: 960,
			height: 640,
			alt: 'Kansliets entré'
		});
		await as.editorA.content.addAttachment({
			id: page.id,
			key: `files/${'b'.repeat(32)}/karta.pdf`,
			filename: 'Karta.pdf',
			size: 1000
		});
		const read = await byPath('/kontakt');
		if ('redirect' in read) throw new Error('expected a page');
		expect(read.page).toMatchObject({ image_alt: 'Kansliets entré', image_width: 960 });
		expect(read.page.attachments).toEqual([expect.objectContaining({ filename: 'Karta.pdf' })]);
		const error = await expectTrpcError(
			as.editorA.content.update({ id: page.id, version: withImage.version, title: 'Kontakt', slug: 'kontakt' }),
			'BAD_REQUEST'
		);
		expect(error.message).toBe('Bilden behöver en alternativtext som beskriver den.');
	});

	it('refuses to remove a page with children, and removes one without', async () => {
		const parent = await published({ title: 'Om förbundet' });
		const child = await published({ title: 'Kontakt', parentId: parent.id });
		await as.editorA.content.addAttachment({
			id: child.id,
			key: `files/${'c'.repeat(32)}/karta.pdf`,
			filename: 'Karta.pdf',
			size: 1000
		});
		const error = await expectTrpcError(as.editorA.content.remove({ id: parent.id }), 'BAD_REQUEST');
		expect(error.message).toBe('Sidan har undersidor. Flytta eller ta bort dem först.');
		expect(await as.editorA.content.remove({ id: child.id })).toEqual({
			attachmentKeys: [`files/${'c'.repeat(32)}/karta.pdf`],
			image: null
		});
		await as.editorA.content.remove({ id: parent.id });
		expect(await owner.selectFrom('content_page').selectAll().execute()).toEqual([]);
	});

	it('lists every page for its editors, drafts included, in tree order', async () => {
		const parent = await published({ title: 'Om förbundet' });
		await as.editorA.content.create({ owner: A, title: 'Kontakt', parentId: parent.id });
		const pages = await as.editorA.content.forEditing({ owner: A });
		expect(pages.map((p) => [p.path, p.status, p.depth])).toEqual([
			['/om-forbundet', 'published', 0],
			['/om-forbundet/kontakt', 'draft', 1]
		]);
		await expectTrpcError(as.editorB.content.forEditing({ owner: A }), 'FORBIDDEN');
	});
});

describe('a site without pages', () => {
	it('refuses page writes, also to a platform admin', async () => {
		const page = await as.editorA.content.create({ owner: A, title: 'Kontakt' });
		await owner
			.updateTable('forbund')
			.set({ features: ['news'] })
			.where('id', '=', fx.forbund.a)
			.execute();
		try {
			for (const caller of [as.editorA, as.platformAdmin]) {
				const refused = await expectTrpcError(caller.content.create({ owner: A, title: 'Ny' }), 'FORBIDDEN');
				expect(refused.message).toBe('Sidor finns inte på den här webbplatsen.');
			}
			await expectTrpcError(as.editorA.content.publish({ id: page.id }), 'FORBIDDEN');
		} finally {
			await owner
				.updateTable('forbund')
				.set({ features: ['news', 'search', 'minutes', 'content'] })
				.where('id', '=', fx.forbund.a)
				.execute();
		}
	});
});

describe('search', () => {
	it('finds a published page of the owner and not a draft nor another owner’s page', async () => {
		await published({ title: 'Kontakt', lead: 'Så når du kansliet.', body: 'Ring växeln om rehabiliteringen.' });
		await as.editorA.content.create({ owner: A, title: 'Hemligt', body: 'Rehabiliteringen i utkast.' });
		await published({ title: 'B:s sida', body: 'Rehabiliteringen hos B.' }, as.editorB);
		const hits = await as.anonymous.content.search({ owner: A, q: 'rehabilitering' });
		expect(hits.map((h) => [h.title, h.path, h.lead])).toEqual([['Kontakt', '/kontakt', 'Så når du kansliet.']]);
		expect(hits[0]!.snippet_html).toContain('<mark>rehabiliteringen</mark>');
		// An editor's own draft stays out of the public search too.
		expect(await as.editorA.content.search({ owner: A, q: 'utkast' })).toEqual([]);
	});
});

describe('the demo pages', () => {
	it('give every förbund Om förbundet with two pages under it, and every region Om samverkan', async () => {
		await owner.transaction().execute((trx) => seedDemoPages(trx, () => null));
		expect(await renderStoredBodies(owner, 'content_page')).toBe(3 * 3 + 2);
		for (const forbund of ['a', 'b', 'c'] as const) {
			const tree = await as.anonymous.content.tree({ owner: { forbund } });
			expect(tree.map((p) => p.path)).toEqual([
				'/om-forbundet',
				'/om-forbundet/styrelse-och-kansli',
				'/om-forbundet/kontakt'
			]);
		}
		const about = await byPath('/om-forbundet');
		if ('redirect' in about) throw new Error('expected a page');
		expect(about.page.lead).toContain('Samordningsförbundet A');
		expect(about.children.map((c) => c.title)).toEqual(['Styrelse och kansli', 'Kontakt']);
		const region = await as.anonymous.content.byPath({ owner: { region: 'norr' }, path: ['om-samverkan'] });
		expect(region).toMatchObject({ page: { title: 'Om samverkan' } });
	});
});

describe('reserved names', () => {
	// Every top-level route folder of the site template: a feature's parts and the hub's are mounted at
	// src/routes (the hub's also under [region]), the common/förbund/hub parts at their src/routes.
	const template = fileURLToPath(new URL('../../../infra/site-template/', import.meta.url));
	const folders = (dir: string) => {
		try {
			return readdirSync(dir, { withFileTypes: true })
				.filter((e) => e.isDirectory())
				.map((e) => e.name);
		} catch {
			return [];
		}
	};
	function topLevelRoutes(): string[] {
		const mounts = [
			...['common', 'forbund', 'hub'].map((kind) => path.join(template, kind, 'src/routes')),
			...folders(path.join(template, 'features')).flatMap((feature) =>
				['common', 'forbund', 'hub'].map((kind) => path.join(template, 'features', feature, kind))
			)
		];
		const names: string[] = [];
		for (const mount of mounts) {
			for (const name of folders(mount)) {
				// The hub's region pages lie under [region]; its names are a förbund site's top level there.
				if (name === '[region]') names.push(...folders(path.join(mount, name)));
				else names.push(name);
			}
		}
		// Parameters ([...path]) and groups ((name)) are no address of their own.
		return [...new Set(names.filter((n) => !/^[[(]/.test(n)))].sort();
	}

	it('hold every top-level route of the site template', () => {
		const routes = topLevelRoutes();
		expect(routes).toEqual(expect.arrayContaining(['nyheter', 'redaktor', 'admin', 'om', 'sitemap.xml']));
		expect(routes.filter((name) => !RESERVED_SLUGS.has(name))).toEqual([]);
	});

	it('hold the names of the domains to come', () => {
		for (const name of ['tillganglighet', 'personuppgifter', 'insatser', 'projekt', 'asf', 'evenemang', 'nyhetsbrev']) {
			expect(RESERVED_SLUGS.has(name), name).toBe(true);
		}
	});
});
