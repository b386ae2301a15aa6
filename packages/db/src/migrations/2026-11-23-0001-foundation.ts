import { type Kysely, sql } from 'kysely';

// Frozen in time: this file imports nothing but kysely and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('region')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('forbund')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('region_id', 'integer', (c) => c.notNull().references('region.id'))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('short_name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('municipalities', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('authorities', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('contact_email', 'text')
		.addColumn('contact_phone', 'text')
		.addColumn('origin', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('forbund_region_idx').on('forbund').column('region_id').execute();

	await db.schema
		.createTable('app_user')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('app_user_email_lowercase', sql`email = lower(email)`)
		.execute();
	await db.schema.createIndex('app_user_email_key').on('app_user').column('email').unique().execute();

	await db.schema
		.createTable('session')
		// The SHA-256 of the token, hex-encoded: the token itself is never stored.
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

	await db.schema
		.createTable('membership')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('forbund_id', 'integer', (c) => c.references('forbund.id').onDelete('cascade'))
		.addColumn('region_id', 'integer', (c) => c.references('region.id').onDelete('cascade'))
		.addColumn('board_role', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'membership_role_known',
			sql`role in ('editor', 'forbund_admin', 'presidium', 'coordinator', 'platform_admin')`
		)
		.addCheckConstraint(
			'membership_scope',
			sql`(role = 'platform_admin' and forbund_id is null and region_id is null)
			 or (role in ('editor', 'forbund_admin', 'presidium') and forbund_id is not null and region_id is null)
			 or (role = 'coordinator' and region_id is not null and forbund_id is null)`
		)
		.addCheckConstraint(
			'membership_board_role_known',
			sql`board_role is null or board_role in ('ordforande', 'vice_ordforande', 'ledamot', 'ersattare', 'forbundschef')`
		)
		.execute();
	await sql`create unique index membership_unique on membership (user_id, role, forbund_id, region_id) nulls not distinct`.execute(
		db
	);

	await db.schema
		.createTable('news')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('region_id', 'integer', (c) => c.notNull().references('region.id'))
		// null: a regional item, owned by the region rather than by one förbund.
		.addColumn('forbund_id', 'integer', (c) => c.references('forbund.id'))
		.addColumn('slug', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('lead', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
		.addColumn('shared_with_region', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('published_at', 'timestamptz')
		.addColumn('author_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('updated_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('search', sql`tsvector`, (c) =>
			c.generatedAlwaysAs(sql`to_tsvector('swedish', title || ' ' || lead || ' ' || body)`).stored()
		)
		.addCheckConstraint('news_status_known', sql`status in ('draft', 'scheduled', 'published', 'archived')`)
		.addCheckConstraint(
			'news_published_has_date',
			sql`status not in ('published', 'scheduled') or published_at is not null`
		)
		.addCheckConstraint('news_slug_format', sql`slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
		.execute();
	await sql`create unique index news_owner_slug_key on news (region_id, forbund_id, slug) nulls not distinct`.execute(
		db
	);
	await db.schema
		.createIndex('news_forbund_published_idx')
		.on('news')
		.columns(['forbund_id', 'status', 'published_at desc'])
		.execute();
	await db.schema
		.createIndex('news_region_published_idx')
		.on('news')
		.columns(['region_id', 'status', 'published_at desc'])
		.execute();
	await db.schema.createIndex('news_search_idx').on('news').using('gin').column('search').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['news', 'membership', 'session', 'app_user', 'forbund', 'region']) {
		await db.schema.dropTable(table).execute();
	}
}
