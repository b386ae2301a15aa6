import { TRPCError } from '@trpc/server';
import { FEATURES, type Feature } from '@regionportalen/db';
import { publishedTree } from '../content/index.ts';
import { requireForbund, requireRegion, type CallerContext, type OwnerInput } from '../core/index.ts';

// A site's main menu: the entries of its features and its top-level content pages, in the order its
// admin saved (menu_entry), or by default the features first and then the pages. A page entry
// carries its published children, which the site shows as the section's sub-menu.

/** The menu entry a feature brings, by its path under the site's base ('' or '/<region>'). */
export const FEATURE_ENTRIES: Partial<Record<Feature, { path: string; label: string }>> = {
	news: { path: '/nyheter', label: 'Nyheter' },
	search: { path: '/sok', label: 'Sök' },
	insatser: { path: '/insatser', label: 'Insatser' },
	documents: { path: '/dokument', label: 'Dokument' },
	projects: { path: '/projekt', label: 'Projekt' },
	asf: { path: '/asf', label: 'Sociala företag' },
	minutes: { path: '/presidiet', label: 'Presidiet' }
};

export type MenuKey = `feature:${Feature}` | `page:${number}`;

export interface MenuLink {
	label: string;
	href: string;
}

export interface MenuEntry extends MenuLink {
	key: MenuKey;
	/** The feature it is the entry of (null for a page): a site shows the presidium's only to its readers. */
	feature: Feature | null;
	children: MenuLink[];
}

/** A menu's owner: a förbund's site, or a region's part of the hub, with what it has. */
export interface MenuOwner {
	forbundId: number | null;
	regionId: number;
	name: string;
	/** '' on a förbund site, '/<region>' on the hub. */
	base: string;
	features: Feature[];
}

export async function menuOwner(ctx: CallerContext, owner: OwnerInput): Promise<MenuOwner> {
	if ('forbund' in owner) {
		const forbund = await requireForbund(ctx, owner.forbund);
		return {
			forbundId: forbund.id,
			regionId: forbund.region_id,
			name: forbund.name,
			base: '',
			features: forbund.features
		};
	}
	const region = await requireRegion(ctx, owner.region);
	return {
		forbundId: null,
		regionId: region.id,
		name: region.name,
		base: `/${region.slug}`,
		features: FEATURES.filter((f) => !region.features_off.includes(f))
	};
}

/** Everything the menu may hold, each with its key: the features' entries and the top-level pages. */
async function candidates(ctx: CallerContext, owner: MenuOwner): Promise<Map<MenuKey, MenuEntry>> {
	const all = new Map<MenuKey, MenuEntry>();
	for (const feature of FEATURES) {
		const entry = FEATURE_ENTRIES[feature];
		if (!entry || !owner.features.includes(feature)) continue;
		const key: MenuKey = `feature:${feature}`;
		all.set(key, { key, feature, label: entry.label, href: owner.base + entry.path, children: [] });
	}
	if (!owner.features.includes('content')) return all;
	const pages = await publishedTree(ctx.db, { forbundId: owner.forbundId, regionId: owner.regionId });
	for (const page of pages.filter((p) => p.parent_id === null)) {
		const key: MenuKey = `page:${page.id}`;
		const children = pages
			.filter((p) => p.parent_id === page.id)
			.map((child) => ({ label: child.title, href: owner.base + child.path }));
		all.set(key, { key, feature: null, label: page.title, href: owner.base + page.path, children });
	}
	return all;
}

async function savedKeys(ctx: CallerContext, owner: MenuOwner): Promise<MenuKey[] | null> {
	const rows = await ctx.db
		.selectFrom('menu_entry')
		.select(['feature', 'page_id'])
		.where('region_id', '=', owner.regionId)
		.where((eb) => (owner.forbundId === null ? eb('forbund_id', 'is', null) : eb('forbund_id', '=', owner.forbundId)))
		.orderBy('position')
		.execute();
	if (rows.length === 0) return null;
	return rows.map((r): MenuKey => (r.feature ? `feature:${r.feature}` : `page:${r.page_id!}`));
}

/** The menu as visitors see it, and what it could also hold (for its admin). */
export async function buildMenu(ctx: CallerContext, owner: MenuOwner) {
	// Every page's layout reads the menu: its two queries go out together.
	const [all, saved] = await Promise.all([candidates(ctx, owner), savedKeys(ctx, owner)]);
	const keys = saved ?? [...all.keys()];
	// A saved entry whose feature is off or whose page is unpublished (or moved under another) waits.
	const entries = keys.flatMap((key) => all.get(key) ?? []);
	const unused = [...all.values()].filter((entry) => !keys.includes(entry.key));
	return { entries, unused, saved: saved !== null };
}

const invalid = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });

/** Replaces the owner's menu with `keys`, in their order: each must be one of its candidates. */
export async function saveMenu(ctx: CallerContext, owner: MenuOwner, keys: MenuKey[]) {
	const [all, saved] = await Promise.all([candidates(ctx, owner), savedKeys(ctx, owner)]);
	// Entries kept by an earlier save that wait (a feature off, a page unpublished) may stay.
	const waiting = new Set(saved ?? []);
	for (const key of keys) {
		if (!all.has(key) && !waiting.has(key))
			throw invalid('Menyn kan bara innehålla webbplatsens funktioner och sidor.');
	}
	if (new Set(keys).size !== keys.length) throw invalid('En länk kan bara finnas en gång i menyn.');
	await ctx.db
		.deleteFrom('menu_entry')
		.where('region_id', '=', owner.regionId)
		.where((eb) => (owner.forbundId === null ? eb('forbund_id', 'is', null) : eb('forbund_id', '=', owner.forbundId)))
		.execute();
	await ctx.db
		.insertInto('menu_entry')
		.values(
			keys.map((key, position) => {
				const [kind, target] = key.split(':') as ['feature' | 'page', string];
				return {
					region_id: owner.regionId,
					forbund_id: owner.forbundId,
					position,
					feature: kind === 'feature' ? (target as Feature) : null,
					page_id: kind === 'page' ? Number(target) : null
				};
			})
		)
		.execute();
}
