import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { callersFor, expectTrpcError } from './helpers.ts';

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const as = callersFor(db, fx);
const draft = { title: 'Frukostmöte', lead: 'Ingress', body: 'Text', owner: { forbund: 'a' as const } };

beforeEach(async () => {
	await owner.deleteFrom('news').execute();
});

describe('editing a news item', () => {
	it('keeps tags as typed, once each, with URL forms from the database', async () => {
		const item = await as.editorA.news.create({ ...draft, tags: ['ASF', 'Psykisk hälsa', 'asf'] });
		expect(item.tags).toEqual(['ASF', 'Psykisk hälsa']);
		expect(item.tag_slugs).toEqual(['asf', 'psykisk-halsa']);
	});

	it('validates the contact person’s e-mail and the number of tags, in Swedish', async () => {
		expect(
			(await expectTrpcError(as.editorA.news.create({ ...draft, contactEmail: 'inte-en-adress' }))).message
		).toContain('Kontaktpersonens e-postadress ser inte ut som en e-postadress.');
		const tags = Array.from({ length: 11 }, (_, i) => `tagg ${i}`);
		expect((await expectTrpcError(as.editorA.news.create({ ...draft, tags }))).message).toContain('Högst 10 taggar.');
	});

	it('requires alt text whenever the item has an image', async () => {
		const item = await as.editorA.news.create(draft);
		await owner
			.updateTable('news')
			.set({ image_key: 'news/bild', image_alt: 'En bild', image_width: 960, image_height: 640 })
			.where('id', '=', item.id)
			.execute();
		const error = await expectTrpcError(
			as.editorA.news.update({ ...draft, id: item.id, version: item.version, imageAlt: '' })
		);
		expect(error.message).toBe('Bilden behöver en alternativtext som beskriver den.');
	});

	it('records a revision at every save and restores an earlier one as a new save', async () => {
		const v1 = await as.editorA.news.create({ ...draft, body: 'Första texten' });
		const v2 = await as.editorA.news.update({ ...draft, id: v1.id, version: v1.version, body: 'Andra texten' });
		const v3 = await as.adminA.news.update({ ...draft, id: v1.id, version: v2.version, body: 'Tredje texten' });

		const revisions = await as.editorA.news.revisions({ id: v1.id });
		expect(revisions.map((r) => r.version)).toEqual([3, 2, 1]);
		expect(revisions[0]?.saved_by_name).toBe('adminA');

		const first = revisions.at(-1)!;
		const restored = await as.editorA.news.restore({ id: v1.id, revisionId: first.id, version: v3.version });
		expect(restored).toMatchObject({ body: 'Första texten', version: 4 });
		expect((await as.editorA.news.revisions({ id: v1.id })).map((r) => r.version)).toEqual([4, 3, 2, 1]);

		// Restoring over a stale version is a conflict, like any save.
		expect((await expectTrpcError(as.editorA.news.restore({ id: v1.id, revisionId: first.id, version: 3 }))).code).toBe(
			'CONFLICT'
		);
		// Another förbund's editor sees no history.
		expect((await expectTrpcError(as.editorB.news.revisions({ id: v1.id }))).code).toBe('NOT_FOUND');
	});

	it('restores text from before the image without losing the image’s alt text', async () => {
		const v1 = await as.editorA.news.create({ ...draft, body: 'Före bilden' });
		const key = `images/${'a'.repeat(32)}`;
		const v2 = await as.editorA.news.setImage({
			id: v1.id,
			version: v1.version,
			key,
			width: 960,
			height: 640,
			alt: 'Två personer vid ett bord'
		});
		const first = (await as.editorA.news.revisions({ id: v1.id })).at(-1)!;
		const restored = await as.editorA.news.restore({ id: v1.id, revisionId: first.id, version: v2.version });
		expect(restored).toMatchObject({ body: 'Före bilden', image_key: key, image_alt: 'Två personer vid ett bord' });
	});
});

describe('an item about an insats', () => {
	const insats = (forbundId: number, name: string) =>
		owner
			.insertInto('insats')
			.values({
				region_id: fx.regions.norr,
				forbund_id: forbundId,
				slug: name.toLowerCase(),
				name,
				inriktning: 'individinriktad',
				precise_category_id: owner
					.selectFrom('insats_precise_category')
					.select('id')
					.where('inriktning', '=', 'individinriktad')
					.limit(1),
				follow_up: 'personuppgifter',
				providers: '[]',
				contacts: '[]'
			})
			.returning('id')
			.executeTakeFirstOrThrow();

	it('links to one of its förbund’s insatser, never another’s, and a restore keeps the link', async () => {
		await owner.deleteFrom('insats').execute();
		const own = await insats(fx.forbund.a, 'Unga');
		const others = await insats(fx.forbund.b, 'Andra');
		expect((await as.editorA.news.insatsChoices({ owner: { forbund: 'a' } })).map((i) => i.name)).toEqual(['Unga']);
		expect(await as.coordinatorNorr.news.insatsChoices({ owner: { region: 'norr' } })).toEqual([]);

		const refused = await expectTrpcError(as.editorA.news.create({ ...draft, insatsId: others.id }), 'BAD_REQUEST');
		expect(refused.message).toBe('Välj en av förbundets egna insatser.');
		const item = await as.editorA.news.create({ ...draft, insatsId: own.id });
		expect(item.insats_id).toBe(own.id);
		const moved = await expectTrpcError(
			as.editorA.news.update({ ...draft, id: item.id, version: item.version, insatsId: others.id }),
			'BAD_REQUEST'
		);
		expect(moved.message).toBe('Välj en av förbundets egna insatser.');
		const unlinked = await as.editorA.news.update({ ...draft, id: item.id, version: item.version, insatsId: null });
		expect(unlinked.insats_id).toBeNull();
		const [, first] = await as.editorA.news.revisions({ id: item.id });
		const restored = await as.editorA.news.restore({ id: item.id, revisionId: first!.id, version: unlinked.version });
		expect(restored.insats_id).toBeNull();
		await expectTrpcError(as.editorB.news.insatsChoices({ owner: { forbund: 'a' } }), 'FORBIDDEN');
	});
});

describe('scheduling and archiving', () => {
	it('publishes a scheduled item at its time without anyone acting', async () => {
		const item = await as.editorA.news.create(draft);
		const inAnHour = new Date(Date.now() + 60 * 60 * 1000);
		const scheduled = await as.editorA.news.schedule({ id: item.id, publishAt: inAnHour });
		expect(scheduled).toMatchObject({ status: 'scheduled', published_at: inAnHour });
		expect((await as.anonymous.news.list({ forbund: 'a', page: 1 })).total).toBe(0);

		// The time passes (moved back rather than waited for).
		await owner
			.updateTable('news')
			.set({ published_at: new Date(Date.now() - 1000) })
			.where('id', '=', item.id)
			.execute();
		expect((await as.anonymous.news.list({ forbund: 'a', page: 1 })).items.map((i) => i.title)).toEqual([
			'Frukostmöte'
		]);
		expect((await as.anonymous.news.bySlug({ owner: { forbund: 'a' }, slug: item.slug })).title).toBe('Frukostmöte');
	});

	it('refuses a time in the past', async () => {
		const item = await as.editorA.news.create(draft);
		const error = await expectTrpcError(
			as.editorA.news.schedule({ id: item.id, publishAt: new Date(Date.now() - 60_000) })
		);
		expect(error.message).toContain('Tiden för publicering måste ligga i framtiden.');
	});

	it('"publish now" brings a scheduled item forward', async () => {
		const item = await as.editorA.news.create(draft);
		await as.editorA.news.schedule({ id: item.id, publishAt: new Date(Date.now() + 86_400_000) });
		const published = await as.editorA.news.publish({ id: item.id });
		expect(published.published_at!.getTime()).toBeLessThanOrEqual(Date.now());
		expect((await as.anonymous.news.list({ forbund: 'a', page: 1 })).total).toBe(1);
	});

	it('takes an archived item out of every public list but keeps it for its editors', async () => {
		const item = await as.editorA.news.create({ ...draft, sharedWithRegion: true });
		await as.editorA.news.publish({ id: item.id });
		await as.editorA.news.archive({ id: item.id });
		expect((await as.anonymous.news.list({ forbund: 'a', page: 1 })).total).toBe(0);
		expect((await as.anonymous.news.regionFeed({ region: 'norr', page: 1 })).total).toBe(0);
		expect((await as.editorA.news.byId({ id: item.id })).status).toBe('archived');
	});
});

describe('preview', () => {
	it('renders Markdown as it will be published, for signed-in people only', async () => {
		expect((await as.editorA.news.preview({ body: '**fet** <script>x</script>' })).html).toBe(
			'<p><strong>fet</strong> &lt;script&gt;x&lt;/script&gt;</p>\n'
		);
		expect((await expectTrpcError(as.anonymous.news.preview({ body: 'x' }))).code).toBe('UNAUTHORIZED');
	});
});

describe('image and attachments', () => {
	const key = `images/${'a'.repeat(32)}`;

	it('sets an image with its alt text as a versioned save, and removes it', async () => {
		const item = await as.editorA.news.create(draft);
		const withImage = await as.editorA.news.setImage({
			id: item.id,
			version: item.version,
			key,
			width: 960,
			height: 640,
			alt: 'Deltagare vid frukostmötet'
		});
		expect(withImage).toMatchObject({ image_key: key, image_alt: 'Deltagare vid frukostmötet', version: 2 });
		expect(
			(
				await expectTrpcError(
					as.editorA.news.setImage({ id: item.id, version: 1, key, width: 960, height: 640, alt: 'x' })
				)
			).code
		).toBe('CONFLICT');
		expect(
			(
				await expectTrpcError(
					as.editorA.news.setImage({ id: item.id, version: 2, key, width: 960, height: 640, alt: ' ' })
				)
			).message
		).toContain('alternativtext');
		expect(
			(
				await expectTrpcError(
					as.editorA.news.setImage({ id: item.id, version: 2, key: '../etc/passwd', width: 1, height: 1, alt: 'x' })
				)
			).code
		).toBe('BAD_REQUEST');
		const removed = await as.editorA.news.removeImage({ id: item.id, version: 2 });
		expect(removed).toMatchObject({ image_key: null, image_alt: '' });
	});

	it('lists attachments with the published article, and only the item’s editors change them', async () => {
		const item = await as.editorA.news.create(draft);
		const pdf = { id: item.id, key: `files/${'b'.repeat(32)}/program.pdf`, filename: 'Program.pdf', size: 1234 };
		await expectTrpcError(as.editorB.news.addAttachment(pdf));
		const added = await as.editorA.news.addAttachment(pdf);
		await as.editorA.news.publish({ id: item.id });

		const article = await as.anonymous.news.bySlug({ owner: { forbund: 'a' }, slug: item.slug });
		expect(article.attachments).toEqual([
			{ id: added.id, storage_key: pdf.key, filename: 'Program.pdf', size_bytes: 1234 }
		]);

		await expectTrpcError(as.editorB.news.removeAttachment({ id: item.id, attachmentId: added.id }));
		await as.editorA.news.removeAttachment({ id: item.id, attachmentId: added.id });
		expect(await as.editorA.news.attachments({ id: item.id })).toEqual([]);
	});

	it('hides a draft’s attachments from everyone but its editors, in the database itself', async () => {
		const item = await as.editorA.news.create(draft);
		await as.editorA.news.addAttachment({
			id: item.id,
			key: `files/${'c'.repeat(32)}/a.pdf`,
			filename: 'a.pdf',
			size: 1
		});
		expect(await db.selectFrom('news_attachment').selectAll().execute()).toEqual([]);
	});
});
