import { sql, type Kysely } from 'kysely';

// A stored file belongs to the one item that was given its key at upload. An editor must not hand
// the API a key some other item uses (another förbund's image, a news item's PDF): removing it from
// their own item would make the host delete the other's file. The servers' role sees only what RLS
// shows it, so the question "is this key used anywhere" is answered here, as the owner, yes or no.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`create function app_file_key_in_use(p_key text) returns boolean
		language sql stable security definer set search_path = public, pg_temp as $$
		select exists (select 1 from news where image_key = p_key)
			or exists (select 1 from news_revision where image_key = p_key)
			or exists (select 1 from news_attachment where storage_key = p_key)
			or exists (select 1 from content_page where image_key = p_key)
			or exists (select 1 from content_page_revision where image_key = p_key)
			or exists (select 1 from content_page_attachment where storage_key = p_key)
			or exists (select 1 from minutes_attachment where storage_key = p_key)
	$$`.execute(db);
	await sql`revoke all on function app_file_key_in_use(text) from public`.execute(db);
	await sql`grant execute on function app_file_key_in_use(text) to rp_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop function app_file_key_in_use(text)`.execute(db);
}
