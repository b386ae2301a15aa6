import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { callersFor } from '../helpers.ts';
import { NEWS_ACTORS } from './news.ts';
import { defineMatrix } from './runner.ts';

// Content pages: every procedure that reads drafts or writes, for every role, on every owner (three
// förbund in two regions, and both regions' own pages). The same people may write them as news.

type Actor = (typeof NEWS_ACTORS)[number];
type Owner = { forbund: 'a' | 'b' | 'c' } | { region: 'norr' | 'syd' };
const OWNERS: Owner[] = [{ forbund: 'a' }, { forbund: 'b' }, { forbund: 'c' }, { region: 'norr' }, { region: 'syd' }];

/** Who may write each owner's pages, stated apart from the code under test. */
function writes(actor: Actor, owner: Owner): boolean {
	if (actor === 'platformAdmin') return true;
	if ('forbund' in owner) {
		return (
			(owner.forbund === 'a' && (actor === 'editorA' || actor === 'adminA')) ||
			(owner.forbund === 'b' && actor === 'editorB')
		);
	}
	return owner.region === 'norr' && actor === 'coordinatorNorr';
}

let serial = 0;
/** A storage key of its own (keys are unique). */
const fileKey = () => `files/${(++serial).toString(16).padStart(32, '0')}/bilaga.pdf`;
const attachment = () => ({
	storage_key: fileKey(),
	filename: 'bilaga.pdf',
	content_type: 'application/pdf',
	size_bytes: 10
});

/**
 * Every owner's pages: a draft at version 2 (two revisions, an image, an attachment, an old address)
 * and a published page at version 1 with an attachment, both at the top.
 */
async function world(owner: Db, fx: Fixtures) {
	await sql`truncate content_page, content_page_revision, content_page_attachment, content_page_redirect cascade`.execute(
		owner
	);
	const pages = new Map<string, { draft: number; published: number; revision: number; attachment: number }>();
	for (const o of OWNERS) {
		const scope =
			'forbund' in o
				? { forbund_id: fx.forbund[o.forbund], region_id: o.forbund === 'c' ? fx.regions.syd : fx.regions.norr }
				: { forbund_id: null, region_id: fx.regions[o.region] };
		const draft = await owner
			.insertInto('content_page')
			.values({
				...scope,
				slug: 'utkast',
				title: 'Utkast',
				version: 2,
				image_key: `images/${'c'.repeat(32)}`,
				image_width: 960,
				image_height: 640,
				image_alt: 'En bild'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const revision = await owner
			.insertInto('content_page_revision')
			.values(
				[1, 2].map((version) => ({
					page_id: draft.id,
					version,
					title: `Utkast ${version}`,
					slug: 'utkast',
					parent_id: null,
					position: 0,
					lead: '',
					body: '',
					image_key: null,
					image_alt: '',
					image_caption: ''
				}))
			)
			.returning('id')
			.executeTakeFirstOrThrow();
		const published = await owner
			.insertInto('content_page')
			.values({
				...scope,
				slug: 'publicerad',
				title: 'Publicerad',
				status: 'published',
				published_at: new Date('2024-01-01'),
				position: 1
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await owner
			.insertInto('content_page_attachment')
			.values({ page_id: draft.id, ...attachment() })
			.execute();
		const kept = await owner
			.insertInto('content_page_attachment')
			.values({ page_id: published.id, ...attachment() })
			.returning('id')
			.executeTakeFirstOrThrow();
		await owner
			.insertInto('content_page_redirect')
			.values({ ...scope, path: '/gammal', page_id: published.id })
			.execute();
		pages.set(JSON.stringify(o), {
			draft: draft.id,
			published: published.id,
			revision: revision.id,
			attachment: kept.id
		});
	}
	return (o: Owner) => pages.get(JSON.stringify(o))!;
}
type World = Awaited<ReturnType<typeof world>>;

/** A case allowed to the owner's writers. */
const write = (
	call: (c: ReturnType<typeof callersFor>[Actor], o: Owner, w: ReturnType<World>) => Promise<unknown>
) => ({
	call: (c: ReturnType<typeof callersFor>[Actor], o: Owner, w: World) => call(c, o, w(o)),
	allowed: writes
});

const text = { title: 'Matrissida', lead: '', body: 'Text.', imageAlt: 'En bild' };

export function contentMatrix(db: Db, owner: Db, fx: Fixtures) {
	return defineMatrix<Actor, Owner, World>({
		name: 'content',
		actors: NEWS_ACTORS,
		scopes: OWNERS,
		callers: callersFor(db, fx),
		reset: () => world(owner, fx),
		tables: ['content_page', 'content_page_revision', 'content_page_attachment', 'content_page_redirect'],
		procedures: {
			'content.forEditing': {
				...write((c, owner) => c.content.forEditing({ owner })),
				// Row-level security answers a list by leaving out what the caller may not see.
				assertNoLeak: (value, { world, scope, label }) => {
					expect(
						(value as { id: number }[]).map((r) => r.id),
						`${label} leaked a draft`
					).not.toContain(world(scope).draft);
				}
			},
			'content.byId': write((c, _, w) => c.content.byId({ id: w.draft })),
			'content.revisions': write((c, _, w) => c.content.revisions({ id: w.draft })),
			'content.attachments': write((c, _, w) => c.content.attachments({ id: w.draft })),
			'content.create': {
				...write((c, owner) => c.content.create({ ...text, owner })),
				verify: async (_, { before, snapshot }) => {
					expect((await snapshot()).tables.content_page).toHaveLength(before.tables.content_page!.length + 1);
				}
			},
			// A new slug: the page's old address becomes a redirect in the same call.
			'content.update': {
				...write((c, _, w) => c.content.update({ ...text, id: w.draft, version: 2, slug: 'nytt-utkast' })),
				verify: async (_, { before, snapshot }) => {
					expect((await snapshot()).tables.content_page_redirect).toHaveLength(
						before.tables.content_page_redirect!.length + 1
					);
				}
			},
			'content.update#published': write((c, _, w) =>
				c.content.update({ ...text, imageAlt: '', id: w.published, version: 1, slug: 'publicerad', position: 5 })
			),
			'content.restore': write((c, _, w) => c.content.restore({ id: w.draft, revisionId: w.revision, version: 2 })),
			'content.setImage': write((c, _, w) =>
				c.content.setImage({
					id: w.published,
					version: 1,
					key: `images/${'e'.repeat(32)}`,
					width: 800,
					height: 600,
					alt: 'Ny bild'
				})
			),
			'content.removeImage': write((c, _, w) => c.content.removeImage({ id: w.draft, version: 2 })),
			'content.addAttachment': write((c, _, w) =>
				c.content.addAttachment({ id: w.published, key: fileKey(), filename: 'ny.pdf', size: 10 })
			),
			'content.removeAttachment': write((c, _, w) =>
				c.content.removeAttachment({ id: w.published, attachmentId: w.attachment })
			),
			'content.publish': write((c, _, w) => c.content.publish({ id: w.draft })),
			'content.unpublish': write((c, _, w) => c.content.unpublish({ id: w.published })),
			'content.remove': write((c, _, w) => c.content.remove({ id: w.draft })),
			'content.remove#published': write((c, _, w) => c.content.remove({ id: w.published }))
		}
	});
}
