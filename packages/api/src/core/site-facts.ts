import type { Kysely } from 'kysely';
import type { Database } from '@regionportalen/db';

type Q = Kysely<Database>;

export async function findForbundBySlug(db: Q, slug: string) {
	return db
		.selectFrom('forbund')
		.innerJoin('region', 'region.id', 'forbund.region_id')
		.selectAll('forbund')
		.select(['region.slug as region_slug', 'region.name as region_name', 'region.hub_origin'])
		.where('forbund.slug', '=', slug)
		.executeTakeFirst();
}

export async function findRegionBySlug(db: Q, slug: string) {
	return db.selectFrom('region').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function listForbundOfRegion(db: Q, regionId: number) {
	return db
		.selectFrom('forbund')
		.select([
			'id',
			'slug',
			'name',
			'short_name',
			'description',
			'municipalities',
			'authorities',
			'origin',
			'contact_email'
		])
		.where('region_id', '=', regionId)
		.orderBy('name')
		.execute();
}

/**
 * The registered sites' facts (förbund, regions and who belongs to which) for a few seconds. They
 * change only when `pnpm sites:register` runs, yet every page looked them up two to six times: the
 * layout, the page and each procedure it calls. A server keeps one per process (site-kit's api.ts);
 * a caller without one (a test) reads the database every time. The rows are public (RLS: `using
 * (true)`), so one caller's lookup may serve another's.
 */
export class SiteFactsCache {
	readonly #entries = new Map<string, { until: number; value: Promise<unknown> }>();
	readonly #ttlMs: number;

	constructor(ttlMs: number) {
		this.#ttlMs = ttlMs;
	}

	get<T>(key: string, load: () => Promise<T>): Promise<T> {
		const now = Date.now();
		const hit = this.#entries.get(key);
		if (hit && hit.until > now) return hit.value as Promise<T>;
		const value = load();
		this.#entries.set(key, { until: now + this.#ttlMs, value });
		// A failed lookup (a connection lost) is not kept.
		value.catch(() => {
			if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
		});
		return value;
	}
}

interface Lookup {
	db: Q;
	siteFacts?: SiteFactsCache;
}

const through = <T>(ctx: Lookup, key: string, load: () => Promise<T>) =>
	ctx.siteFacts ? ctx.siteFacts.get(key, load) : load();

export const forbundBySlug = (ctx: Lookup, slug: string) =>
	through(ctx, `forbund:${slug}`, () => findForbundBySlug(ctx.db, slug));

export const regionBySlug = (ctx: Lookup, slug: string) =>
	through(ctx, `region:${slug}`, () => findRegionBySlug(ctx.db, slug));

export const forbundOfRegion = (ctx: Lookup, regionId: number) =>
	through(ctx, `region-forbund:${regionId}`, () => listForbundOfRegion(ctx.db, regionId));
