import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// The presidium room: meetings of a region's presidia and their minutes. A meeting is the lasting
// identity (its region, whether it is published to the public); its minutes are revisions. Revision 1
// is written as a draft, approved (justerad) and published to the region's presidium members; once
// approved a revision is frozen (a trigger refuses any other change and any deletion), and a
// correction is a new revision that goes the same way, the earlier ones kept and readable.
//
// Who may see what, the same rules as packages/api/src/access.ts:
// - write (and read drafts and approved-but-unpublished minutes): the region's coordinators, platform admins;
// - read published minutes: also presidium members and förbund admins of any förbund in the region;
// - read published minutes of a meeting made public: anyone.

const CHILDREN = ['minutes_attendee', 'minutes_item', 'minutes_action', 'minutes_attachment'] as const;

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('meeting')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('region_id', 'integer', (c) => c.notNull().references('region.id').onDelete('restrict'))
		// The newest revision published to the members (null until the first is): what members read.
		.addColumn('published_number', 'integer')
		// Approved minutes are public records; publishing them on the web is a decision of its own.
		.addColumn('public', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('public_changed_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('public_changed_at', 'timestamptz')
		.addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('meeting_public_needs_published', sql`not public or published_number is not null`)
		.execute();
	await sql`create index meeting_region_idx on meeting (region_id)`.execute(db);

	await db.schema
		.createTable('meeting_minutes')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('restrict'))
		.addColumn('region_id', 'integer', (c) => c.notNull().references('region.id').onDelete('restrict'))
		.addColumn('number', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('starts_at', 'timestamptz', (c) => c.notNull())
		.addColumn('ends_at', 'timestamptz')
		.addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('host_forbund_id', 'integer', (c) => c.references('forbund.id').onDelete('set null'))
		.addColumn('next_host_forbund_id', 'integer', (c) => c.references('forbund.id').onDelete('set null'))
		.addColumn('next_starts_at', 'timestamptz')
		.addColumn('next_ends_at', 'timestamptz')
		.addColumn('next_place', 'text', (c) => c.notNull().defaultTo(''))
		// Why a correction was made (revision 2 and later).
		.addColumn('correction_reason', 'text', (c) => c.notNull().defaultTo(''))
		// The justerare: one or two named people who checked the minutes.
		.addColumn('adjusters', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('approved_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('approved_at', 'timestamptz')
		.addColumn('published_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('published_at', 'timestamptz')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('updated_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		// Written by the code at every save from the agenda items and decisions (a generated column
		// cannot read other tables); the title is added by the generated vector below.
		.addColumn('search_document', 'text', (c) => c.notNull().defaultTo(''))
		.addUniqueConstraint('meeting_minutes_number_key', ['meeting_id', 'number'])
		.addCheckConstraint('meeting_minutes_status', sql`status in ('draft', 'approved', 'published')`)
		.addCheckConstraint(
			'meeting_minutes_approved',
			sql`status = 'draft' or (approved_at is not null and cardinality(adjusters) between 1 and 2)`
		)
		.addCheckConstraint('meeting_minutes_published', sql`status <> 'published' or published_at is not null`)
		.addCheckConstraint('meeting_minutes_correction', sql`number = 1 or length(trim(correction_reason)) > 0`)
		.execute();
	await sql`alter table meeting_minutes add column search tsvector generated always as (
		setweight(to_tsvector('swedish', title), 'A') || setweight(to_tsvector('swedish', search_document), 'B')
	) stored`.execute(db);
	await sql`create index meeting_minutes_search_idx on meeting_minutes using gin (search)`.execute(db);
	await sql`create index meeting_minutes_region_idx on meeting_minutes (region_id, starts_at desc)`.execute(db);

	await db.schema
		.createTable('minutes_attendee')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('minutes_id', 'integer', (c) => c.notNull().references('meeting_minutes.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('forbund_id', 'integer', (c) => c.references('forbund.id').onDelete('set null'))
		.addColumn('role', 'text', (c) => c.notNull())
		// The title for role 'other' ("projektchef"), or a qualifier ("tf"); free text.
		.addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
		.addUniqueConstraint('minutes_attendee_position_key', ['minutes_id', 'position'])
		.addCheckConstraint(
			'minutes_attendee_role',
			sql`role in ('ordforande', 'vice_ordforande', 'ledamot', 'ersattare', 'forbundschef', 'other')`
		)
		.addCheckConstraint('minutes_attendee_other_title', sql`role <> 'other' or length(trim(title)) > 0`)
		.execute();

	await db.schema
		.createTable('minutes_item')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('minutes_id', 'integer', (c) => c.notNull().references('meeting_minutes.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		// For information from one förbund.
		.addColumn('forbund_id', 'integer', (c) => c.references('forbund.id').onDelete('set null'))
		.addColumn('heading', 'text', (c) => c.notNull())
		.addColumn('presenter', 'text', (c) => c.notNull().defaultTo(''))
		/** Markdown, rendered and sanitised when read. */
		.addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
		.addUniqueConstraint('minutes_item_position_key', ['minutes_id', 'position'])
		.addCheckConstraint(
			'minutes_item_kind',
			sql`kind in ('forbund_information', 'joint_service', 'project', 'follow_up', 'other')`
		)
		.execute();

	await db.schema
		.createTable('minutes_action')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('minutes_id', 'integer', (c) => c.notNull().references('meeting_minutes.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('responsible', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('due_date', 'date')
		.addUniqueConstraint('minutes_action_position_key', ['minutes_id', 'position'])
		.addCheckConstraint('minutes_action_kind', sql`kind in ('decision', 'follow_up')`)
		.execute();

	await db.schema
		.createTable('minutes_attachment')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('minutes_id', 'integer', (c) => c.notNull().references('meeting_minutes.id').onDelete('cascade'))
		// Not unique: a correction's revision lists the same stored files as the one it corrects.
		.addColumn('storage_key', 'text', (c) => c.notNull())
		.addColumn('filename', 'text', (c) => c.notNull())
		.addColumn('content_type', 'text', (c) => c.notNull())
		.addColumn('size_bytes', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	for (const table of CHILDREN) {
		await sql`create index ${sql.id(`${table}_minutes_idx`)} on ${sql.table(table)} (minutes_id)`.execute(db);
	}

	// Approved minutes are never edited in place or deleted: only approved → published may change,
	// with who published and when. Everything else is a new revision (a correction).
	await sql`create function minutes_freeze() returns trigger language plpgsql as $$
	begin
		if tg_op = 'DELETE' then
			if old.status <> 'draft' then raise exception 'approved minutes cannot be deleted' using errcode = 'check_violation'; end if;
			return old;
		end if;
		if old.status = 'draft' then return new; end if;
		if old.status = 'approved' and new.status = 'published'
			and (to_jsonb(new) - array['status', 'published_by', 'published_at', 'version', 'updated_by', 'updated_at', 'search'])
				= (to_jsonb(old) - array['status', 'published_by', 'published_at', 'version', 'updated_by', 'updated_at', 'search'])
		then return new; end if;
		raise exception 'approved minutes cannot be changed; make a correction' using errcode = 'check_violation';
	end $$`.execute(db);
	await sql`create trigger meeting_minutes_freeze before update or delete on meeting_minutes
		for each row execute function minutes_freeze()`.execute(db);

	// A row of the minutes (attendee, item, decision, attachment) changes only while they are a draft.
	await sql`create function minutes_child_freeze() returns trigger language plpgsql as $$
	declare
		parent_status text;
	begin
		select status into parent_status from meeting_minutes
			where id = case when tg_op = 'DELETE' then old.minutes_id else new.minutes_id end;
		-- A deleted revision (a draft) takes its rows along by cascade.
		if parent_status is not null and parent_status <> 'draft' then
			raise exception 'approved minutes cannot be changed; make a correction' using errcode = 'check_violation';
		end if;
		return case when tg_op = 'DELETE' then old else new end;
	end $$`.execute(db);
	for (const table of CHILDREN) {
		await sql`create trigger ${sql.id(`${table}_freeze`)} before insert or update or delete on ${sql.table(table)}
			for each row execute function minutes_child_freeze()`.execute(db);
	}

	await sql`create function app_can_write_minutes(p_region_id integer) returns boolean language sql stable as $$
		select exists (
			select 1 from membership m
			where m.user_id = app_user_id()
			and (m.role = 'platform_admin' or (m.role = 'coordinator' and m.region_id = p_region_id))
		)
	$$`.execute(db);
	await sql`create function app_can_read_minutes(p_region_id integer) returns boolean language sql stable as $$
		select app_can_write_minutes(p_region_id) or exists (
			select 1 from membership m join forbund f on f.id = m.forbund_id
			where m.user_id = app_user_id() and m.role in ('presidium', 'forbund_admin') and f.region_id = p_region_id
		)
	$$`.execute(db);

	await sql`grant select, insert, update on meeting, meeting_minutes to rp_app`.execute(db);
	await sql`grant select, insert, delete on minutes_attendee, minutes_item, minutes_action, minutes_attachment to rp_app`.execute(
		db
	);
	await sql`grant usage on all sequences in schema public to rp_app`.execute(db);

	for (const table of ['meeting', 'meeting_minutes', ...CHILDREN]) {
		await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
		await sql`alter table ${sql.table(table)} force row level security`.execute(db);
	}

	// A meeting is seen by its writers, and once published by its readers (or anyone, if public).
	await sql`create policy meeting_read on meeting for select using (
		app_can_write_minutes(region_id)
		or (published_number is not null and (public or app_can_read_minutes(region_id)))
	)`.execute(db);
	await sql`create policy meeting_write on meeting for insert with check (app_can_write_minutes(region_id))`.execute(
		db
	);
	await sql`create policy meeting_update on meeting for update
		using (app_can_write_minutes(region_id)) with check (app_can_write_minutes(region_id))`.execute(db);

	await sql`create policy meeting_minutes_read on meeting_minutes for select using (
		app_can_write_minutes(region_id)
		or (status = 'published' and (
			app_can_read_minutes(region_id)
			or exists (select 1 from meeting m where m.id = meeting_id and m.public)
		))
	)`.execute(db);
	await sql`create policy meeting_minutes_write on meeting_minutes for insert
		with check (app_can_write_minutes(region_id))`.execute(db);
	await sql`create policy meeting_minutes_update on meeting_minutes for update
		using (app_can_write_minutes(region_id)) with check (app_can_write_minutes(region_id))`.execute(db);

	// A row of the minutes is as visible as its revision (the subquery is itself under the policy above).
	for (const table of CHILDREN) {
		await sql`create policy ${sql.id(`${table}_read`)} on ${sql.table(table)} for select
			using (exists (select 1 from meeting_minutes r where r.id = minutes_id))`.execute(db);
		await sql`create policy ${sql.id(`${table}_insert`)} on ${sql.table(table)} for insert
			with check (exists (select 1 from meeting_minutes r where r.id = minutes_id and app_can_write_minutes(r.region_id)))`.execute(
			db
		);
		await sql`create policy ${sql.id(`${table}_delete`)} on ${sql.table(table)} for delete
			using (exists (select 1 from meeting_minutes r where r.id = minutes_id and app_can_write_minutes(r.region_id)))`.execute(
			db
		);
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [...CHILDREN].reverse()) await db.schema.dropTable(table).execute();
	await db.schema.dropTable('meeting_minutes').execute();
	await db.schema.dropTable('meeting').execute();
	await sql`drop function minutes_child_freeze()`.execute(db);
	await sql`drop function minutes_freeze()`.execute(db);
	await sql`drop function app_can_read_minutes(integer)`.execute(db);
	await sql`drop function app_can_write_minutes(integer)`.execute(db);
}
