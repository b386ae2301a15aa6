import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import { callersFor, expectTrpcError } from './helpers.ts';

// A file key belongs to the item it was uploaded for. An editor who hands the API another item's key
// (a draft of another förbund's, which row-level security hides from them) is refused, so that
// removing it from their own item can never delete the other's file.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const as = callersFor(db, fx);

const image = (id: number, version: number, key: string) => ({
	id,
	version,
	key,
	width: 960,
	height: 640,
	alt: 'Bild'
});
const pdf = (id: number, key: string) => ({ id, key, filename: 'Bilaga.pdf', size: 1000 });

describe('file keys', () => {
	it('refuses an image or attachment key another item uses, in any domain, and takes a fresh one', async () => {
		const news = await as.editorA.news.create({ title: 'A:s utkast', lead: '', body: '', owner: { forbund: 'a' } });
		const imageKey = `images/${'1'.repeat(32)}`;
		const fileKey = `files/${'2'.repeat(32)}/rapport.pdf`;
		await as.editorA.news.setImage(image(news.id, news.version, imageKey));
		await as.editorA.news.addAttachment(pdf(news.id, fileKey));

		const page = await as.editorB.content.create({ owner: { forbund: 'b' }, title: 'B:s sida' });
		// One call at a time: a refusal is awaited where it is made, never left to reject unwatched.
		const attempts = [
			() => as.editorB.content.setImage(image(page.id, page.version, imageKey)),
			() => as.editorB.content.addAttachment(pdf(page.id, fileKey)),
			() => as.editorA.news.addAttachment(pdf(news.id, fileKey))
		];
		for (const attempt of attempts) {
			expect((await expectTrpcError(attempt(), 'BAD_REQUEST')).message).toBe(
				'Filen hör till något annat. Ladda upp den på nytt.'
			);
		}
		expect(await owner.selectFrom('content_page_attachment').selectAll().execute()).toEqual([]);

		await as.editorB.content.setImage(image(page.id, page.version, `images/${'3'.repeat(32)}`));
		await as.editorB.content.addAttachment(pdf(page.id, `files/${'4'.repeat(32)}/rapport.pdf`));
	});
});
