import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { expect } from 'vitest';
import { callersFor } from '../helpers.ts';
import { defineMatrix } from './runner.ts';

// News: every procedure that reads drafts or writes, for every role, on every owner (three förbund
// in two regions, and both regions' own news).

export const NEWS_ACTORS = [
	'anonymous',
	'noRoles',
	'editorA',
	'editorB',
	'adminA',
	'coordinatorNorr',
	'platformAdmin'
] as const;
type Actor = (typeof NEWS_ACTORS)[number];

type Owner = { forbund: 'a' | 'b' | 'c' } | { region: 'norr' | 'syd' };
const OWNERS: Owner[] = [{ forbund: 'a' }, { forbund: 'b' }, { forbund: 'c' }, { region: 'norr' }, { region: 'syd' }];

/** Who may write each owner's news. */
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

const hex = (c: string) => c.repeat(32);
let serial = 0;
/** A storage key of its own (keys are unique). */
const fileKey = () => `files/${(++serial).toString(16).padStart(32, '0')}/bilaga.pdf`;
const fields = { title: 'Matrisnyhet', lead: '', body: 'Text.', sharedWithRegion: false, imageAlt: 'En bild' };

/**
 * The owner's items: a draft at version 2 (two revisions, an image and an attachment) and a
 * published item at version 1 with an attachment. Every other owner's are there too.
 */
async function world(owner: Db, fx: Fixtures) {
	await owner.deleteFrom('news').execute();
	const items = new Map<string, { draft: number; published: number; revision: number; attachment: number }>();
	for (const o of OWNERS) {
		const scope =
			'forbund' in o
				? { forbund_id: fx.forbund[o.forbund], region_id: o.forbund === 'c' ? fx.regions.syd : fx.regions.norr }
				: { forbund_id: null, region_id: fx.regions[o.region] };
		const image = { image_key: `images/${hex('c')}`, image_width: 960, image_height: 640, image_alt: 'En bild' };
		const draft = await owner
			.insertInto('news')
			.values({ ...scope, slug: 'utkast', title: 'Utkast', version: 2, ...image })
			.returning('id')
			.executeTakeFirstOrThrow();
		const revision = await owner
			.insertInto('news_revision')
			.values(
				[1, 2].map((version) => ({
					news_id: draft.id,
					version,
					title: `Utkast ${version}`,
					lead: '',
					body: '',
					tags: [],
					shared_with_region: false,
					image_key: null,
					image_alt: '',
					image_caption: '',
					contact_name: '',
					contact_email: ''
				}))
			)
			.returning('id')
			.executeTakeFirstOrThrow();
		const published = await owner
			.insertInto('news')
			.values({
				...scope,
				slug: 'publicerad',
				title: 'Publicerad',
				status: 'published',
				published_at: new Date('2024-01-01')
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const attachment = () => ({
			storage_key: fileKey(),
			filename: 'bilaga.pdf',
			content_type: 'application/pdf',
			size_bytes: 10
		});
		await owner
			.insertInto('news_attachment')
			.values({ news_id: draft.id, ...attachment() })
			.execute();
		const kept = await owner
			.insertInto('news_attachment')
			.values({ news_id: published.id, ...attachment() })
			.returning('id')
			.executeTakeFirstOrThrow();
		items.set(JSON.stringify(o), {
			draft: draft.id,
			published: published.id,
			revision: revision.id,
			attachment: kept.id
		});
	}
	return (o: Owner) => items.get(JSON.stringify(o))!;
}
type World = Awaited<ReturnType<typeof world>>;

/** A case allowed to the owner's writers. */
const write = (
	call: (c: ReturnType<typeof callersFor>[Actor], o: Owner, w: ReturnType<World>) => Promise<unknown>
) => ({
	call: (c: ReturnType<typeof callersFor>[Actor], o: Owner, w: World) => call(c, o, w(o)),
	allowed: writes
});

export function newsMatrix(db: Db, owner: Db, fx: Fixtures) {
	return defineMatrix<Actor, Owner, World>({
		name: 'news',
		actors: NEWS_ACTORS,
		scopes: OWNERS,
		callers: callersFor(db, fx),
		reset: () => world(owner, fx),
		tables: ['news', 'news_revision', 'news_attachment'],
		procedures: {
			'news.forEditing': {
				...write((c, owner) => c.news.forEditing({ owner })),
				// Row-level security answers a list by leaving out what the caller may not see.
				assertNoLeak: (value, { world, scope, label }) => {
					expect(
						(value as { id: number }[]).map((r) => r.id),
						`${label} leaked a draft`
					).not.toContain(world(scope).draft);
				}
			},
			'news.byId': write((c, _, w) => c.news.byId({ id: w.draft })),
			'news.revisions': write((c, _, w) => c.news.revisions({ id: w.draft })),
			'news.attachments': write((c, _, w) => c.news.attachments({ id: w.draft })),
			'news.create': {
				...write((c, owner) => c.news.create({ ...fields, owner })),
				verify: async (_, { before, snapshot }) => {
					expect((await snapshot()).tables.news).toHaveLength(before.tables.news!.length + 1);
				}
			},
			'news.update': write((c, _, w) => c.news.update({ ...fields, id: w.draft, version: 2 })),
			'news.restore': write((c, _, w) => c.news.restore({ id: w.draft, revisionId: w.revision, version: 2 })),
			'news.setImage': write((c, _, w) =>
				c.news.setImage({
					id: w.published,
					version: 1,
					key: `images/${hex('e')}`,
					width: 800,
					height: 600,
					alt: 'Ny bild'
				})
			),
			'news.removeImage': write((c, _, w) => c.news.removeImage({ id: w.draft, version: 2 })),
			'news.addAttachment': write((c, _, w) =>
				c.news.addAttachment({ id: w.draft, key: fileKey(), filename: 'ny.pdf', size: 10 })
			),
			'news.removeAttachment': write((c, _, w) =>
				c.news.removeAttachment({ id: w.published, attachmentId: w.attachment })
			),
			'news.publish': write((c, _, w) => c.news.publish({ id: w.draft })),
			'news.schedule': write((c, _, w) =>
				c.news.schedule({ id: w.draft, publishAt: new Date(Date.now() + 86_400_000) })
			),
			'news.unpublish': write((c, _, w) => c.news.unpublish({ id: w.published })),
			'news.archive': write((c, _, w) => c.news.archive({ id: w.published }))
		}
	});
}
