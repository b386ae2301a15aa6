import { sql, type Kysely } from 'kysely';

// Features per site: a förbund's site has those its site.config.ts lists (registered here, so the
// API refuses writes to the others), and on the hub a platform admin can turn one off for a region.
// The names are FEATURES in schema.ts; a new feature extends the check in a migration of its own.

const FEATURES = sql`array['news', 'search', 'minutes', 'content']::text[]`;

export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table forbund add column features text[] not null default ${FEATURES}
		constraint forbund_features_known check (features <@ ${FEATURES})`.execute(db);
	await sql`alter table region add column features_off text[] not null default '{}'
		constraint region_features_off_known check (features_off <@ ${FEATURES})`.execute(db);
	// region_admin (platform admins only) already guards every write to region.
	await sql`grant update (features_off) on region to rp_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`revoke update (features_off) on region from rp_app`.execute(db);
	await sql`alter table region drop column features_off`.execute(db);
	await sql`alter table forbund drop column features`.execute(db);
}
