import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// "Newest visible items" for a förbund's list and for a region's feed, straight from an index in
// date order (the load benchmark's start pages read and sorted every item of a region without them).

export async function up(db: Kysely<any>): Promise<void> {
	await sql`create index news_forbund_visible_idx on news (forbund_id, published_at desc, id desc)
		include (status, region_id)
		where status in ('published', 'scheduled')`.execute(db);
	await sql`create index news_region_feed_idx on news (region_id, published_at desc, id desc)
		include (status, forbund_id, shared_with_region)
		where status in ('published', 'scheduled') and (forbund_id is null or shared_with_region)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index news_region_feed_idx`.execute(db);
	await sql`drop index news_forbund_visible_idx`.execute(db);
}
