import { type Kysely } from 'kysely';

// Frozen in time: imports nothing but kysely.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('region')
		.addColumn('about', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('contact_name', 'text')
		.addColumn('contact_email', 'text')
		.addColumn('contact_phone', 'text')
		.addColumn('hub_origin', 'text')
		.execute();
	await db.schema
		.alterTable('forbund')
		.addColumn('show_shared_news', 'boolean', (c) => c.notNull().defaultTo(true))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('forbund').dropColumn('show_shared_news').execute();
	await db.schema
		.alterTable('region')
		.dropColumn('about')
		.dropColumn('contact_name')
		.dropColumn('contact_email')
		.dropColumn('contact_phone')
		.dropColumn('hub_origin')
		.execute();
}
