/** Where a feed item is read: a regional item on the hub, a förbund's item on the förbund's own site. */
export function articleHref(
	region: string,
	item: { slug: string; forbund_slug?: string | null; forbund_origin?: string | null }
): string {
	if (!item.forbund_slug) return `/${region}/nyheter/${item.slug}`;
	return `${item.forbund_origin ?? ''}/nyheter/${item.slug}`;
}
