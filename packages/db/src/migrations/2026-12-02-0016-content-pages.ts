import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// Content pages: a förbund's (or, with no förbund, a region's) Markdown pages in a tree
// (/om-forbundet/styrelse), with revisions, PDF attachments, an image with alt text, and redirects
// from the addresses a page had before it was renamed or moved.
//
// - Who may write them is the news rule (app_can_edit_news: a förbund's editors and admins, a
//   region's coordinators, platform admins); visitors see published pages only.
// - body_html is the body rendered and sanitised when saved, as news.body_html (migration 0010):
//   null until the servers render it, and cleared by a trigger when the body changes without it.
// - A page's parent has the same owner and is never the page itself or one of its descendants
//   (content_page_parent_check), whoever writes the SQL; the API says so first, in Swedish.
// - A redirect names the page, not its new address, so a page renamed twice still answers its
//   first address with its current one.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`create table content_page (
		id integer generated always as identity primary key,
		region_id integer not null references region (id),
		forbund_id integer references forbund (id),
		parent_id integer references content_page (id) on delete restrict,
		slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
		title text not null,
		lead text not null default '',
		body text not null default '',
		body_html text,
		status text not null default 'draft' check (status in ('draft', 'published')),
		published_at timestamptz,
		version integer not null default 1,
		position integer not null default 0,
		image_key text,
		image_alt text not null default '',
		image_caption text not null default '',
		image_width integer,
		image_height integer,
		search tsvector generated always as (to_tsvector('swedish', title || ' ' || lead || ' ' || body)) stored,
		author_id integer references app_user (id) on delete set null,
		updated_by integer references app_user (id) on delete set null,
		created_at timestamptz not null default now(),
		updated_at timestamptz not null default now(),
		constraint content_page_image_has_alt check (image_key is null or length(trim(image_alt)) > 0),
		constraint content_page_published_has_date check (status <> 'published' or published_at is not null)
	)`.execute(db);
	// One address per place: siblings (top-level pages of one owner included) never share a slug.
	await sql`create unique index content_page_slug_key on content_page (region_id, forbund_id, parent_id, slug)
		nulls not distinct`.execute(db);
	// An owner's tree in menu order (byPath, tree, sitemap, the editor's list).
	await sql`create index content_page_owner_idx on content_page (region_id, forbund_id, parent_id, position)`.execute(
		db
	);
	// Children of a page (the foreign key's check when a page is removed, and "has children?").
	await sql`create index content_page_parent_idx on content_page (parent_id) where parent_id is not null`.execute(db);
	await sql`create index content_page_search_idx on content_page using gin (search)`.execute(db);

	await sql`create function content_page_body_html_in_step() returns trigger language plpgsql
		set search_path = pg_catalog, public as $fn$
	begin
		if new.body is distinct from old.body and new.body_html is not distinct from old.body_html then
			new.body_html := null;
		end if;
		return new;
	end
	$fn$`.execute(db);
	await sql`create trigger content_page_body_html_in_step before update of body on content_page
		for each row execute function content_page_body_html_in_step()`.execute(db);

	// Security definer: the check must see the whole tree, not only what the writer may read.
	await sql`create function content_page_parent_check() returns trigger language plpgsql
		security definer set search_path = pg_catalog, public as $fn$
	declare
		p record;
	begin
		if new.parent_id is null then
			return new;
		end if;
		select region_id, forbund_id into p from content_page where id = new.parent_id;
		if not found or p.region_id <> new.region_id or p.forbund_id is distinct from new.forbund_id then
			raise exception 'content_page %: parent % has another owner', new.id, new.parent_id
				using errcode = 'check_violation';
		end if;
		if exists (
			with recursive up as (
				select id, parent_id from content_page where id = new.parent_id
				union all
				select c.id, c.parent_id from content_page c join up on c.id = up.parent_id
			)
			select 1 from up where id = new.id
		) then
			raise exception 'content_page %: parent % would make a cycle', new.id, new.parent_id
				using errcode = 'check_violation';
		end if;
		return new;
	end
	$fn$`.execute(db);
	await sql`create trigger content_page_parent_check before insert or update of parent_id, region_id, forbund_id
		on content_page for each row execute function content_page_parent_check()`.execute(db);

	await sql`create table content_page_revision (
		id integer generated always as identity primary key,
		page_id integer not null references content_page (id) on delete cascade,
		version integer not null,
		title text not null,
		slug text not null,
		parent_id integer,
		position integer not null,
		lead text not null,
		body text not null,
		image_key text,
		image_alt text not null,
		image_caption text not null,
		saved_by integer references app_user (id) on delete set null,
		saved_at timestamptz not null default now(),
		constraint content_page_revision_version_key unique (page_id, version)
	)`.execute(db);

	await sql`create table content_page_attachment (
		id integer generated always as identity primary key,
		page_id integer not null references content_page (id) on delete cascade,
		storage_key text not null unique,
		filename text not null,
		content_type text not null,
		size_bytes integer not null,
		created_at timestamptz not null default now()
	)`.execute(db);
	await sql`create index content_page_attachment_page_idx on content_page_attachment (page_id)`.execute(db);

	await sql`create table content_page_redirect (
		id integer generated always as identity primary key,
		region_id integer not null references region (id),
		forbund_id integer references forbund (id),
		path text not null check (path ~ '^(/[a-z0-9]+(-[a-z0-9]+)*)+$'),
		page_id integer not null references content_page (id) on delete cascade,
		created_at timestamptz not null default now()
	)`.execute(db);
	await sql`create unique index content_page_redirect_path_key on content_page_redirect (region_id, forbund_id, path)
		nulls not distinct`.execute(db);
	await sql`create index content_page_redirect_page_idx on content_page_redirect (page_id)`.execute(db);

	await sql`grant select, insert, update, delete on content_page to rp_app`.execute(db);
	await sql`grant select, insert on content_page_revision to rp_app`.execute(db);
	await sql`grant select, insert, delete on content_page_attachment to rp_app`.execute(db);
	await sql`grant select, insert, update, delete on content_page_redirect to rp_app`.execute(db);

	for (const table of ['content_page', 'content_page_revision', 'content_page_attachment', 'content_page_redirect']) {
		await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
		await sql`alter table ${sql.table(table)} force row level security`.execute(db);
	}
	await sql`create policy content_page_public on content_page for select using (status = 'published')`.execute(db);
	await sql`create policy content_page_editors on content_page for all
		using (app_can_edit_news(forbund_id, region_id)) with check (app_can_edit_news(forbund_id, region_id))`.execute(db);
	// History is for the page's editors only; an attachment or a redirect is as visible as its page
	// (the subquery on content_page is itself filtered by its policies).
	await sql`create policy content_page_revision_editors on content_page_revision for all
		using (exists (select 1 from content_page p where p.id = page_id and app_can_edit_news(p.forbund_id, p.region_id)))
		with check (exists (select 1 from content_page p where p.id = page_id and app_can_edit_news(p.forbund_id, p.region_id)))`.execute(
		db
	);
	await sql`create policy content_page_attachment_read on content_page_attachment for select
		using (exists (select 1 from content_page p where p.id = page_id))`.execute(db);
	await sql`create policy content_page_attachment_editors on content_page_attachment for all
		using (exists (select 1 from content_page p where p.id = page_id and app_can_edit_news(p.forbund_id, p.region_id)))
		with check (exists (select 1 from content_page p where p.id = page_id and app_can_edit_news(p.forbund_id, p.region_id)))`.execute(
		db
	);
	await sql`create policy content_page_redirect_read on content_page_redirect for select
		using (exists (select 1 from content_page p where p.id = page_id))`.execute(db);
	// A redirect is its page's owner's, and points at one of that owner's pages.
	await sql`create policy content_page_redirect_editors on content_page_redirect for all
		using (app_can_edit_news(forbund_id, region_id))
		with check (app_can_edit_news(forbund_id, region_id) and exists (
			select 1 from content_page p where p.id = page_id
			and p.region_id = content_page_redirect.region_id
			and p.forbund_id is not distinct from content_page_redirect.forbund_id
		))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table content_page_redirect`.execute(db);
	await sql`drop table content_page_attachment`.execute(db);
	await sql`drop table content_page_revision`.execute(db);
	await sql`drop table content_page`.execute(db);
	await sql`drop function content_page_parent_check()`.execute(db);
	await sql`drop function content_page_body_html_in_step()`.execute(db);
}
