import { TRPCError } from '@trpc/server';
import { isReservedSlug } from './reserved.ts';
import { descendantIds, type Placed, type TreeRow } from './tree.ts';

// Where a page may stand in its owner's tree: under a page of the same owner (the tree given is the
// owner's), never under itself or a page below it, with a slug its siblings do not have, and at the
// top never with one of the site's own route names. The database checks owner and cycles again.

const refuse = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });

export interface PlaceRequest {
	/** null for a page not yet created. */
	pageId: number | null;
	parentId: number | null;
	slug: string;
	/** Undefined: after its last sibling. */
	position: number | undefined;
}

export function placeFor(tree: readonly Placed<TreeRow>[], request: PlaceRequest) {
	const { pageId, parentId, slug } = request;
	if (parentId !== null) {
		if (!tree.some((p) => p.id === parentId)) throw refuse('Den överordnade sidan finns inte bland de här sidorna.');
		if (pageId !== null && (parentId === pageId || descendantIds(tree, pageId).includes(parentId))) {
			throw refuse('En sida kan inte ligga under sig själv eller under någon av sina undersidor.');
		}
	} else if (isReservedSlug(slug)) {
		throw refuse(`Adressen ”/${slug}” används redan av webbplatsen. Välj en annan adress för sidan.`);
	}
	const siblings = tree.filter((p) => p.parent_id === parentId && p.id !== pageId);
	if (siblings.some((p) => p.slug === slug)) {
		throw refuse(`Det finns redan en sida med adressen ”${slug}” på samma plats. Välj en annan adress.`);
	}
	const position = request.position ?? Math.max(-1, ...siblings.map((p) => p.position)) + 1;
	return { parent_id: parentId, slug, position };
}

/** The title's slug, or with -2, -3… when a sibling has it or it is a reserved name at the top. */
export function uniqueSlug(tree: readonly TreeRow[], parentId: number | null, base: string): string {
	const taken = (slug: string) =>
		(parentId === null && isReservedSlug(slug)) || tree.some((p) => p.parent_id === parentId && p.slug === slug);
	if (!taken(base)) return base;
	for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
