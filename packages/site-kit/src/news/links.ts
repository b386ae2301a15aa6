/**
 * Where a feed item is read: a regional item on the hub (under its region), a förbund's item on the
 * förbund's own site. `hubOrigin` is empty on the hub itself, where links stay relative.
 */
export function articleHref(
	item: { slug: string; forbund_slug?: string | null; forbund_origin?: string | null },
	region: string,
	hubOrigin = ''
): string {
	if (!item.forbund_slug) return `${hubOrigin}/${region}/nyheter/${item.slug}`;
	return `${item.forbund_origin ?? ''}/nyheter/${item.slug}`;
}
