import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderStoredBodies } from '../src/core/index.ts';
import { MARKDOWN_TAGS, renderMarkdown } from '../src/core/markdown.ts';
import { XSS_PAYLOADS } from './fixtures/xss-payloads.ts';
import { callersFor } from './helpers.ts';

// The body's HTML is stored when the item is saved (migration 0010) and read instead of rendering:
// it must be the render of the body the item has, after every kind of save, and never stale.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const as = callersFor(db, fx);
const draft = { title: 'Frukostmöte', lead: 'Ingress', owner: { forbund: 'a' as const } };

const stored = async (id: number) =>
	owner.selectFrom('news').select(['body', 'body_html']).where('id', '=', id).executeTakeFirstOrThrow();

beforeEach(async () => {
	await owner.deleteFrom('news').execute();
});

describe('the stored body HTML', () => {
	it('is the render of the body after create, update and restore, and the article shows it', async () => {
		const created = await as.editorA.news.create({ ...draft, body: 'Första **versionen**.' });
		expect((await stored(created.id)).body_html).toBe(renderMarkdown('Första **versionen**.'));

		const updated = await as.editorA.news.update({
			...draft,
			id: created.id,
			version: created.version,
			body: '## Andra\n\n[länk](https://example.se)'
		});
		expect((await stored(created.id)).body_html).toBe(renderMarkdown('## Andra\n\n[länk](https://example.se)'));

		const first = (await as.editorA.news.revisions({ id: created.id })).find((r) => r.version === created.version)!;
		const restored = await as.editorA.news.restore({ id: created.id, revisionId: first.id, version: updated.version });
		const row = await stored(created.id);
		expect(row.body).toBe('Första **versionen**.');
		expect(row.body_html).toBe('<p>Första <strong>versionen</strong>.</p>\n');

		await as.editorA.news.publish({ id: restored.id });
		const article = await as.anonymous.news.bySlug({ owner: { forbund: 'a' }, slug: created.slug });
		expect(article.body_html).toBe(row.body_html);
		expect(article).not.toHaveProperty('body');
		expect(article).not.toHaveProperty('body_md');
	});

	it('stores every XSS vector only as sanitised markup', async () => {
		const body = XSS_PAYLOADS.join('\n\n');
		const item = await as.editorA.news.create({ ...draft, body });
		const row = await stored(item.id);
		expect(row.body_html).toBe(renderMarkdown(body));
		// What is markup in it is allow-listed markup (markdown.test.ts checks each vector's render the same way).
		for (const [, name, attrs] of row.body_html!.matchAll(/<\/?([a-z0-9]+)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/gi)) {
			expect(MARKDOWN_TAGS).toContain(name!.toLowerCase());
			for (const [, attr, value = ''] of attrs!.matchAll(/\s([^\s=>]+)(?:="([^"]*)")?/g)) {
				expect(['href', 'title', 'rel', 'scope', 'start']).toContain(attr);
				if (attr === 'href') expect(value).toMatch(/^(https?:|mailto:|tel:|#|\/)/i);
			}
		}
	});

	it('is cleared by the database when the body changes without it, and the article is rendered then', async () => {
		const item = await as.editorA.news.create({ ...draft, body: 'Gammal text.' });
		await as.editorA.news.publish({ id: item.id });
		await owner.updateTable('news').set({ body: 'Ny *text*.' }).where('id', '=', item.id).execute();
		expect((await stored(item.id)).body_html).toBeNull();
		const article = await as.anonymous.news.bySlug({ owner: { forbund: 'a' }, slug: item.slug });
		expect(article.body_html).toBe('<p>Ny <em>text</em>.</p>\n');

		// Other changes keep it.
		await owner.updateTable('news').set({ body_html: '<p>x</p>' }).where('id', '=', item.id).execute();
		await owner.updateTable('news').set({ title: 'Annan rubrik' }).where('id', '=', item.id).execute();
		expect((await stored(item.id)).body_html).toBe('<p>x</p>');
	});

	it('is cleared when a new body renders to the very same HTML, which the database cannot tell from a forgotten one', async () => {
		const item = await as.editorA.news.create({ ...draft, body: 'Ny _text_.' });
		const saved = await as.editorA.news.update({ ...draft, id: item.id, version: item.version, body: 'Ny *text*.' });
		expect((await stored(item.id)).body_html).toBeNull();
		await as.editorA.news.publish({ id: saved.id });
		expect((await as.anonymous.news.bySlug({ owner: { forbund: 'a' }, slug: item.slug })).body_html).toBe(
			'<p>Ny <em>text</em>.</p>\n'
		);
	});

	it('is filled in for rows written without it, and only for the body they still have', async () => {
		const rows = await owner
			.insertInto('news')
			.values([
				{ region_id: fx.regions.norr, forbund_id: fx.forbund.a, slug: 'ett', title: 'Ett', body: '**ett**' },
				{
					region_id: fx.regions.norr,
					forbund_id: fx.forbund.a,
					slug: 'tva',
					title: 'Två',
					body: '<script>x</script>två'
				}
			])
			.returning('id')
			.execute();
		expect(await renderStoredBodies(owner, 'news', { batch: 1 })).toBe(2);
		for (const { id } of rows) {
			const row = await stored(id);
			expect(row.body_html).toBe(renderMarkdown(row.body));
		}
		expect(await renderStoredBodies(owner, 'news')).toBe(0);
	});
});
