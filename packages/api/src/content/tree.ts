// A content tree as rows with a parent: their addresses, in menu order, and who lies under whom.
// Pure functions, so the router, the search and the tests share one reading of the tree.

export interface TreeRow {
	id: number;
	parent_id: number | null;
	slug: string;
	title: string;
	position: number;
}

export type Placed<T> = T & {
	/** The address under the owner's base: "/om-forbundet/styrelse". */
	path: string;
	/** 0 for a top-level page. */
	depth: number;
};

const bySiblingOrder = (a: TreeRow, b: TreeRow) =>
	a.position - b.position || a.title.localeCompare(b.title, 'sv') || a.id - b.id;

/**
 * The rows reachable from the top, each with its path, parents before their children and siblings
 * in position order (depth first, as a menu reads). A row whose parent is not among `rows` (an
 * unpublished parent, when only published rows are given) is left out with everything under it.
 */
export function placeAll<T extends TreeRow>(rows: readonly T[]): Placed<T>[] {
	const children = new Map<number | null, T[]>();
	for (const row of rows) {
		const siblings = children.get(row.parent_id) ?? [];
		siblings.push(row);
		children.set(row.parent_id, siblings);
	}
	const placed: Placed<T>[] = [];
	const visit = (parentId: number | null, prefix: string, depth: number) => {
		for (const row of (children.get(parentId) ?? []).sort(bySiblingOrder)) {
			const path = `${prefix}/${row.slug}`;
			placed.push({ ...row, path, depth });
			visit(row.id, path, depth + 1);
		}
	};
	visit(null, '', 0);
	return placed;
}

/** The ids of every row under `id`, at any depth. */
export function descendantIds(rows: readonly TreeRow[], id: number): number[] {
	const found: number[] = [];
	const queue = [id];
	while (queue.length) {
		const current = queue.shift()!;
		for (const row of rows) {
			if (row.parent_id === current && !found.includes(row.id)) {
				found.push(row.id);
				queue.push(row.id);
			}
		}
	}
	return found;
}

/** The chain from the top down to `id`'s parent (its breadcrumbs), or null when it is not placed. */
export function ancestorsOf<T extends TreeRow>(placed: readonly Placed<T>[], id: number): Placed<T>[] | null {
	const byId = new Map(placed.map((p) => [p.id, p]));
	let current = byId.get(id);
	if (!current) return null;
	const chain: Placed<T>[] = [];
	while (current.parent_id !== null) {
		const parent = byId.get(current.parent_id);
		if (!parent) return null;
		chain.unshift(parent);
		current = parent;
	}
	return chain;
}
