import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// News as a CMS item: tags, an image with alt text, a contact person, scheduled publishing, revisions
// and attachments. New tenant tables get row-level security through the news item they belong to.

export async function up(db: Kysely<any>): Promise<void> {
	// A tag's URL form, the same for every reader of the database: "Psykisk hälsa" → "psykisk-halsa".
	await sql`create function rp_slug(t text) returns text language sql immutable parallel safe as $$
		select trim(both '-' from regexp_replace(lower(translate(t, 'åäöéèüÅÄÖÉÈÜ', 'aaoeeuaaoeeu')), '[^a-z0-9]+', '-', 'g'))
	$$`.execute(db);
	await sql`create function rp_slugs(tags text[]) returns text[] language sql immutable parallel safe as $$
		select coalesce(array_agg(rp_slug(t) order by ord), '{}') from unnest(tags) with ordinality as u(t, ord)
	$$`.execute(db);

	await db.schema
		.alterTable('news')
		.addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('image_key', 'text')
		.addColumn('image_alt', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('image_caption', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('image_width', 'integer')
		.addColumn('image_height', 'integer')
		.addColumn('contact_name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('contact_email', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	await db.schema
		.alterTable('news')
		.addCheckConstraint('news_image_has_alt', sql`image_key is null or length(trim(image_alt)) > 0`)
		.execute();
	await sql`alter table news add column tag_slugs text[] generated always as (rp_slugs(tags)) stored`.execute(db);
	await db.schema.createIndex('news_tag_slugs_idx').on('news').using('gin').column('tag_slugs').execute();
	// The scheduler's question: which scheduled items are due?
	await sql`create index news_scheduled_idx on news (published_at) where status = 'scheduled'`.execute(db);
	// A scheduled item is public from its time on, whether or not the scheduler has run yet.
	await sql`drop policy news_public on news`.execute(db);
	await sql`create policy news_public on news for select
		using (status in ('published', 'scheduled') and published_at <= now())`.execute(db);

	await db.schema
		.createTable('news_revision')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('news_id', 'integer', (c) => c.notNull().references('news.id').onDelete('cascade'))
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('lead', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('tags', sql`text[]`, (c) => c.notNull())
		.addColumn('shared_with_region', 'boolean', (c) => c.notNull())
		.addColumn('image_key', 'text')
		.addColumn('image_alt', 'text', (c) => c.notNull())
		.addColumn('image_caption', 'text', (c) => c.notNull())
		.addColumn('contact_name', 'text', (c) => c.notNull())
		.addColumn('contact_email', 'text', (c) => c.notNull())
		.addColumn('saved_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('saved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('news_revision_version_key', ['news_id', 'version'])
		.execute();

	await db.schema
		.createTable('news_attachment')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('news_id', 'integer', (c) => c.notNull().references('news.id').onDelete('cascade'))
		.addColumn('storage_key', 'text', (c) => c.notNull().unique())
		.addColumn('filename', 'text', (c) => c.notNull())
		.addColumn('content_type', 'text', (c) => c.notNull())
		.addColumn('size_bytes', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('news_attachment_news_idx').on('news_attachment').column('news_id').execute();

	await sql`grant select, insert on news_revision to rp_app`.execute(db);
	await sql`grant select, insert, delete on news_attachment to rp_app`.execute(db);
	await sql`grant usage on all sequences in schema public to rp_app`.execute(db);

	for (const table of ['news_revision', 'news_attachment']) {
		await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
		await sql`alter table ${sql.table(table)} force row level security`.execute(db);
	}
	// History is for the item's editors only; an attachment is as visible as its item (the subquery
	// on news is itself filtered by news's policies).
	await sql`create policy news_revision_editors on news_revision for all
		using (exists (select 1 from news n where n.id = news_id and app_can_edit_news(n.forbund_id, n.region_id)))
		with check (exists (select 1 from news n where n.id = news_id and app_can_edit_news(n.forbund_id, n.region_id)))`.execute(
		db
	);
	await sql`create policy news_attachment_read on news_attachment for select
		using (exists (select 1 from news n where n.id = news_id))`.execute(db);
	await sql`create policy news_attachment_editors on news_attachment for all
		using (exists (select 1 from news n where n.id = news_id and app_can_edit_news(n.forbund_id, n.region_id)))
		with check (exists (select 1 from news n where n.id = news_id and app_can_edit_news(n.forbund_id, n.region_id)))`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('news_attachment').execute();
	await db.schema.dropTable('news_revision').execute();
	await sql`drop policy news_public on news`.execute(db);
	await sql`create policy news_public on news for select using (status = 'published' and published_at <= now())`.execute(
		db
	);
	await sql`drop index news_scheduled_idx`.execute(db);
	await db.schema
		.alterTable('news')
		.dropColumn('tag_slugs')
		.dropColumn('tags')
		.dropColumn('image_key')
		.dropColumn('image_alt')
		.dropColumn('image_caption')
		.dropColumn('image_width')
		.dropColumn('image_height')
		.dropColumn('contact_name')
		.dropColumn('contact_email')
		.execute();
	await sql`drop function rp_slugs(text[])`.execute(db);
	await sql`drop function rp_slug(text)`.execute(db);
}
