import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@regionportalen/db';
import { editingTree, type PageOwnerKey } from './queries.ts';
import { descendantIds, type Placed, type TreeRow } from './tree.ts';

// When a page's address changes (a new slug, another parent), the addresses it and every page under
// it had keep working: each becomes a redirect to its page (by id, so a page renamed twice answers
// its first address with its current one). An address a page takes is never also a redirect.

type Q = Kysely<Database> | Transaction<Database>;

/** The current addresses of a page and of every page under it, before a move: what redirects will keep. */
export function addressesUnder(tree: readonly Placed<TreeRow>[], pageId: number) {
	const ids = new Set([pageId, ...descendantIds(tree, pageId)]);
	return tree.filter((p) => ids.has(p.id)).map((p) => ({ path: p.path, page_id: p.id }));
}

/** Keeps `old` addresses as redirects to their pages, then drops any redirect a page's address now shadows. */
export async function recordRedirects(db: Q, owner: PageOwnerKey, old: { path: string; page_id: number }[]) {
	const current = new Set((await editingTree(db, owner)).map((p) => p.path));
	const kept = old.filter((r) => !current.has(r.path));
	if (kept.length) {
		await db
			.insertInto('content_page_redirect')
			.values(kept.map((r) => ({ region_id: owner.regionId, forbund_id: owner.forbundId, ...r })))
			.onConflict((oc) =>
				oc.columns(['region_id', 'forbund_id', 'path']).doUpdateSet((eb) => ({ page_id: eb.ref('excluded.page_id') }))
			)
			.execute();
	}
	await dropShadowed(db, owner, [...current]);
}

/** Removes the owner's redirects from addresses that pages now have. */
export async function dropShadowed(db: Q, owner: PageOwnerKey, paths: string[]) {
	if (paths.length === 0) return;
	let q = db.deleteFrom('content_page_redirect').where('region_id', '=', owner.regionId).where('path', 'in', paths);
	q = owner.forbundId === null ? q.where('forbund_id', 'is', null) : q.where('forbund_id', '=', owner.forbundId);
	await q.execute();
}
