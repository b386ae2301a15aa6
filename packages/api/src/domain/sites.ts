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
