import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// A changed e-mail address takes effect only when a link mailed to it is followed: the address is
// the login, so a mistyped one must not lock its owner out, nor may anyone make an account theirs by
// giving it an address they do not read. The token (purpose 'email') carries the address it
// confirms; the other purposes carry none.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table auth_token drop constraint auth_token_purpose_known`.execute(db);
	await sql`alter table auth_token add constraint auth_token_purpose_known
		check (purpose in ('invite', 'reset', 'email'))`.execute(db);
	await sql`alter table auth_token add column email text`.execute(db);
	await sql`alter table auth_token add constraint auth_token_email_only_for_email
		check ((purpose = 'email') = (email is not null))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`delete from auth_token where purpose = 'email'`.execute(db);
	await sql`alter table auth_token drop constraint auth_token_email_only_for_email`.execute(db);
	await sql`alter table auth_token drop column email`.execute(db);
	await sql`alter table auth_token drop constraint auth_token_purpose_known`.execute(db);
	await sql`alter table auth_token add constraint auth_token_purpose_known
		check (purpose in ('invite', 'reset'))`.execute(db);
}
