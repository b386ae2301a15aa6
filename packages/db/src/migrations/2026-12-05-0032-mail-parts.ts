import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// Mails with more than a text body: an HTML part, extra headers (List-Unsubscribe for newsletters)
// and attachments (an event's .ics). They are sealed like the body and emptied with it, since an
// attachment or a header can carry a cancel or unsubscribe link just as the text does.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('mail_outbox').addColumn('parts_sealed', 'bytea').execute();
	await sql`comment on column mail_outbox.parts_sealed is 'html, headers and attachments as sealed JSON; null when the mail has none or is redacted'`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('mail_outbox').dropColumn('parts_sealed').execute();
}
