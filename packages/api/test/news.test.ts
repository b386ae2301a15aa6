import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { callersFor, expectTrpcError, snapshotNews } from './helpers.ts';

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const as = callersFor(db, fx);

const draft = { title: 'Frukostmöte om unga', lead: 'Välkommen!', body: 'Första stycket.\n\nAndra stycket.' };

beforeEach(async () => {
	await owner.deleteFrom('news').execute();
});

describe('publishing', () => {
	it('lets an editor write a draft, publish it, and visitors then read it', async () => {
		const created = await as.editorA.news.create({ ...draft, owner: { forbund: 'a' } });
		expect(created).toMatchObject({ status: 'draft', slug: 'frukostmote-om-unga', forbund_id: fx.forbund.a });

		expect((await as.anonymous.news.list({ forbund: 'a', page: 1 })).items).toHaveLength(0);
		await expectTrpcError(as.anonymous.news.bySlug({ owner: { forbund: 'a' }, slug: created.slug }), 'NOT_FOUND');

		const published = await as.editorA.news.publish({ id: created.id });
		expect(published.status).toBe('published');
		expect(published.published_at).toBeInstanceOf(Date);

		const list = await as.anonymous.news.list({ forbund: 'a', page: 1 });
		expect(list.items.map((i) => i.title)).toEqual(['Frukostmöte om unga']);
		const article = await as.anonymous.news.bySlug({ owner: { forbund: 'a' }, slug: 'frukostmote-om-unga' });
		expect(article.body_html).toBe('<p>Första stycket.</p>\n<p>Andra stycket.</p>\n');
	});

	it('gives a repeated title its own slug', async () => {
		const first = await as.editorA.news.create({ ...draft, owner: { forbund: 'a' } });
		const second = await as.editorA.news.create({ ...draft, owner: { forbund: 'a' } });
		expect([first.slug, second.slug]).toEqual(['frukostmote-om-unga', 'frukostmote-om-unga-2']);
	});

	it('hides an item again when it is unpublished', async () => {
		const item = await as.editorA.news.create({ ...draft, owner: { forbund: 'a' } });
		await as.editorA.news.publish({ id: item.id });
		await as.editorA.news.unpublish({ id: item.id });
		expect((await as.anonymous.news.list({ forbund: 'a', page: 1 })).total).toBe(0);
	});

	it('pages the list ten at a time, newest first', async () => {
		for (let i = 1; i <= 12; i++) {
			await owner
				.insertInto('news')
				.values({
					region_id: fx.regions.norr,
					forbund_id: fx.forbund.a,
					slug: `nyhet-${i}`,
					title: `Nyhet ${i}`,
					status: 'published',
					published_at: new Date(Date.UTC(2024, 0, i))
				})
				.execute();
		}
		const first = await as.anonymous.news.list({ forbund: 'a', page: 1 });
		const second = await as.anonymous.news.list({ forbund: 'a', page: 2 });
		expect(first).toMatchObject({ total: 12, pageCount: 2, page: 1 });
		expect(first.items[0]?.title).toBe('Nyhet 12');
		expect(second.items.map((i) => i.title)).toEqual(['Nyhet 2', 'Nyhet 1']);
		// A start page's newest few: the first page's first items.
		const latest = await as.anonymous.news.latest({ owner: { forbund: 'a' }, count: 3 });
		expect(latest).toEqual(first.items.slice(0, 3));
		await expectTrpcError(as.anonymous.news.latest({ owner: { forbund: 'a' }, count: 11 }), 'BAD_REQUEST');
	});

	it('refuses a save based on an outdated version', async () => {
		const item = await as.editorA.news.create({ ...draft, owner: { forbund: 'a' } });
		await as.adminA.news.update({ ...draft, id: item.id, version: item.version, title: 'Först sparad' });
		const error = await expectTrpcError(
			as.editorA.news.update({ ...draft, id: item.id, version: item.version, title: 'Sparad sedan' }),
			'CONFLICT'
		);
		expect(error.message).toMatch(/någon annan har sparat/i);
		expect((await as.editorA.news.byId({ id: item.id })).title).toBe('Först sparad');
	});
});

describe('drafts', () => {
	it('never appear in public lists, the region feed or by slug', async () => {
		const item = await as.editorA.news.create({ ...draft, owner: { forbund: 'a' }, sharedWithRegion: true });
		// A draft with a publish date in the past is still a draft.
		await owner
			.updateTable('news')
			.set({ published_at: new Date('2020-01-01') })
			.where('id', '=', item.id)
			.execute();

		expect((await as.anonymous.news.list({ forbund: 'a', page: 1 })).total).toBe(0);
		expect((await as.anonymous.news.regionFeed({ region: 'norr', page: 1 })).total).toBe(0);
		expect(await as.anonymous.news.latest({ owner: { forbund: 'a' }, count: 5 })).toEqual([]);
		expect(await as.editorA.news.latest({ owner: { region: 'norr' }, count: 5 })).toEqual([]);
		await expectTrpcError(as.editorA.news.bySlug({ owner: { forbund: 'a' }, slug: item.slug }), 'NOT_FOUND');
	});

	it('are listed for their own editors only', async () => {
		await as.editorA.news.create({ ...draft, owner: { forbund: 'a' } });
		expect(await as.editorA.news.forEditing({ owner: { forbund: 'a' } })).toHaveLength(1);
		await expectTrpcError(as.editorB.news.forEditing({ owner: { forbund: 'a' } }), 'FORBIDDEN');
		await expectTrpcError(as.anonymous.news.forEditing({ owner: { forbund: 'a' } }), 'UNAUTHORIZED');
	});
});

describe('tenant isolation', () => {
	it('an editor of förbund A cannot create news for förbund B', async () => {
		const before = await snapshotNews(owner);
		await expectTrpcError(as.editorA.news.create({ ...draft, owner: { forbund: 'b' } }), 'FORBIDDEN');
		await expectTrpcError(as.noRoles.news.create({ ...draft, owner: { forbund: 'b' } }), 'FORBIDDEN');
		await expectTrpcError(as.anonymous.news.create({ ...draft, owner: { forbund: 'b' } }), 'UNAUTHORIZED');
		expect(await snapshotNews(owner)).toEqual(before);
	});

	it('an editor of förbund A cannot read, edit, publish or unpublish an item of förbund B', async () => {
		const item = await as.editorB.news.create({ ...draft, owner: { forbund: 'b' } });
		const published = await as.editorB.news.create({ ...draft, title: 'Publicerad', owner: { forbund: 'b' } });
		await as.editorB.news.publish({ id: published.id });
		const before = await snapshotNews(owner);

		// Another förbund's draft is invisible to the database session (row-level security): not found.
		await expectTrpcError(as.editorA.news.byId({ id: item.id }), 'NOT_FOUND');
		await expectTrpcError(
			as.editorA.news.update({ ...draft, id: item.id, version: item.version, title: 'Kapad' }),
			'NOT_FOUND'
		);
		await expectTrpcError(as.editorA.news.publish({ id: item.id }), 'NOT_FOUND');
		// A published item is visible to all, so the API's own check is what refuses the edit.
		await expectTrpcError(
			as.editorA.news.update({ ...draft, id: published.id, version: 2, title: 'Kapad' }),
			'FORBIDDEN'
		);
		await expectTrpcError(as.editorA.news.unpublish({ id: published.id }), 'FORBIDDEN');
		await expectTrpcError(as.coordinatorNorr.news.publish({ id: item.id }), 'NOT_FOUND');

		expect(await snapshotNews(owner)).toEqual(before);
	});

	it('regional news is written by the region’s coordinators, not by förbund editors', async () => {
		await expectTrpcError(as.editorA.news.create({ ...draft, owner: { region: 'norr' } }), 'FORBIDDEN');
		const regional = await as.coordinatorNorr.news.create({ ...draft, owner: { region: 'norr' } });
		expect(regional.forbund_id).toBeNull();
		await expectTrpcError(as.coordinatorNorr.news.create({ ...draft, owner: { region: 'syd' } }), 'FORBIDDEN');
		// A platform admin may act anywhere.
		await as.platformAdmin.news.create({ ...draft, owner: { forbund: 'c' } });
	});
});

describe('validation', () => {
	it('rejects bad input with a Swedish message and writes nothing', async () => {
		const before = await snapshotNews(owner);
		const error = await expectTrpcError(
			as.editorA.news.create({ ...draft, title: 'x', owner: { forbund: 'a' } }),
			'BAD_REQUEST'
		);
		expect(error.message).toContain('Rubriken behöver minst 3 tecken.');
		await expectTrpcError(
			as.editorA.news.create({ ...draft, body: 'x'.repeat(100_001), owner: { forbund: 'a' } }),
			'BAD_REQUEST'
		);
		await expectTrpcError(as.anonymous.news.list({ forbund: 'Inte En Slug', page: 1 }), 'BAD_REQUEST');
		expect(await snapshotNews(owner)).toEqual(before);
	});
});

describe('the region feed', () => {
	it('shows regional items and shared förbund items, credited to their förbund', async () => {
		const shared = await as.editorA.news.create({
			...draft,
			title: 'Delad',
			owner: { forbund: 'a' },
			sharedWithRegion: true
		});
		const own = await as.editorA.news.create({ ...draft, title: 'Bara vår', owner: { forbund: 'a' } });
		const regional = await as.coordinatorNorr.news.create({ ...draft, title: 'Regional', owner: { region: 'norr' } });
		for (const id of [shared.id, own.id]) await as.editorA.news.publish({ id });
		await as.coordinatorNorr.news.publish({ id: regional.id });

		const feed = await as.anonymous.news.regionFeed({ region: 'norr', page: 1 });
		expect(feed.items.map((i) => i.title).sort()).toEqual(['Delad', 'Regional']);
		expect(feed.items.find((i) => i.title === 'Delad')?.forbund_slug).toBe('a');
		expect((await as.anonymous.news.regionFeed({ region: 'syd', page: 1 })).total).toBe(0);
	});
});

describe('sharing across the region', () => {
	async function publishAs(caller: typeof as.editorA, input: Parameters<typeof as.editorA.news.create>[0]) {
		const item = await caller.news.create(input);
		return caller.news.publish({ id: item.id });
	}

	it('narrows the region feed to one förbund, or to the regional items', async () => {
		await publishAs(as.editorA, { ...draft, title: 'Delad av A', owner: { forbund: 'a' }, sharedWithRegion: true });
		await publishAs(as.editorB, { ...draft, title: 'Delad av B', owner: { forbund: 'b' }, sharedWithRegion: true });
		await publishAs(as.coordinatorNorr, { ...draft, title: 'Regional', owner: { region: 'norr' } });
		const titles = async (from?: string) =>
			(await as.anonymous.news.regionFeed({ region: 'norr', page: 1, from })).items.map((i) => i.title).sort();
		expect(await titles()).toEqual(['Delad av A', 'Delad av B', 'Regional']);
		expect(await titles('a')).toEqual(['Delad av A']);
		expect(await titles('regionen')).toEqual(['Regional']);
		// The hub's start page: the same feed, newest first.
		const latest = await as.anonymous.news.latest({ owner: { region: 'norr' }, count: 2 });
		expect(latest.map((i) => i.title)).toEqual(['Regional', 'Delad av B']);
		await expectTrpcError(as.anonymous.news.regionFeed({ region: 'norr', page: 1, from: 'c' }), 'NOT_FOUND');
	});

	it('shows a förbund the regional items and, if it opts in, its siblings’ shared items but not its own', async () => {
		await publishAs(as.editorA, { ...draft, title: 'Delad av A', owner: { forbund: 'a' }, sharedWithRegion: true });
		await publishAs(as.editorB, { ...draft, title: 'Delad av B', owner: { forbund: 'b' }, sharedWithRegion: true });
		await publishAs(as.editorB, { ...draft, title: 'Bara B', owner: { forbund: 'b' } });
		await publishAs(as.coordinatorNorr, { ...draft, title: 'Regional', owner: { region: 'norr' } });
		const fromRegion = async (forbund: string) =>
			(await as.anonymous.news.fromRegion({ forbund })).map((i) => i.title).sort();

		expect(await fromRegion('a')).toEqual(['Delad av B', 'Regional']);
		expect(await fromRegion('b')).toEqual(['Delad av A', 'Regional']);
		expect(await fromRegion('c')).toEqual([]);

		await owner.updateTable('forbund').set({ show_shared_news: false }).where('id', '=', fx.forbund.a).execute();
		expect(await fromRegion('a')).toEqual(['Regional']);
		await owner.updateTable('forbund').set({ show_shared_news: true }).where('id', '=', fx.forbund.a).execute();
	});

	it('removes a withdrawn share, or an unpublished item, from the hub and the siblings at once', async () => {
		const shared = await publishAs(as.editorA, {
			...draft,
			title: 'Delad',
			owner: { forbund: 'a' },
			sharedWithRegion: true
		});
		const everywhere = async () => [
			(await as.anonymous.news.regionFeed({ region: 'norr', page: 1 })).total,
			(await as.anonymous.news.fromRegion({ forbund: 'b' })).length
		];
		expect(await everywhere()).toEqual([1, 1]);

		const withdrawn = await as.editorA.news.update({
			...draft,
			id: shared.id,
			version: shared.version,
			sharedWithRegion: false
		});
		expect(await everywhere()).toEqual([0, 0]);
		// Still on its own site.
		expect((await as.anonymous.news.list({ forbund: 'a', page: 1 })).total).toBe(1);

		const reshared = await as.editorA.news.update({
			...draft,
			title: 'Delad, rättad',
			id: shared.id,
			version: withdrawn.version,
			sharedWithRegion: true
		});
		// One row, not copies: the edit shows everywhere.
		expect((await as.anonymous.news.fromRegion({ forbund: 'b' }))[0]?.title).toBe('Delad, rättad');
		await as.editorA.news.unpublish({ id: reshared.id });
		expect(await everywhere()).toEqual([0, 0]);
	});
});
