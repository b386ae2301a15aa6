import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// Joint projects (samverkansprojekt, such as the ESF project MIA): one project of a region with one
// owner förbund (projektägare), in phases (MIA → MIA Vidare). Each phase has its decision, period,
// partners with their ESF roles and a budget per funder and year. Each partner förbund's part of a
// phase (its delprojekt) is that förbund's insats (insats.project_phase_id), with the Uppföljning
// Finsam categories and the insats's own editorial flow; the project page adds their years up.
//
// Who writes: the owner's editors (as for its insatser) and the region's coordinators write the
// project; the owner's förbund admin (or a platform admin) publishes it. A partner's writers see the
// project in draft too (to write their delprojekt) and change nothing of it: their delprojekt is
// their insats, guarded by the insats's rules. One row everywhere, as shared news: every partner's
// site and the hub read the same project.

const FEATURES_BEFORE = sql`array['news', 'search', 'minutes', 'content', 'insatser', 'documents']::text[]`;
const FEATURES = sql`array['news', 'search', 'minutes', 'content', 'insatser', 'documents', 'projects']::text[]`;

async function setFeatures(db: Kysely<any>, features: typeof FEATURES) {
	await sql`alter table forbund drop constraint forbund_features_known`.execute(db);
	await sql`alter table forbund add constraint forbund_features_known check (features <@ ${features})`.execute(db);
	await sql`alter table forbund alter column features set default ${features}`.execute(db);
	await sql`alter table region drop constraint region_features_off_known`.execute(db);
	await sql`alter table region add constraint region_features_off_known check (features_off <@ ${features})`.execute(
		db
	);
	await sql`alter table menu_entry drop constraint menu_entry_feature_known`.execute(db);
	await sql`alter table menu_entry add constraint menu_entry_feature_known check (feature = any (${features}))`.execute(
		db
	);
}

const TABLES = [
	'project',
	'project_revision',
	'project_phase',
	'project_partner',
	'project_funding',
	'project_indicator',
	'project_indicator_year',
	'project_milestone'
];

export async function up(db: Kysely<any>): Promise<void> {
	await setFeatures(db, FEATURES);
	// A förbund that had every feature gets the new one too (a site that left features out keeps its choice).
	await sql`update forbund set features = features || array['projects']
		where features @> ${FEATURES_BEFORE}`.execute(db);

	await sql`create function app_can_write_project(p_owner_forbund_id integer, p_region_id integer) returns boolean
		language sql stable as $$
		select app_is_platform_admin() or exists (
			select 1 from membership m where m.user_id = app_user_id() and (
				(m.forbund_id = p_owner_forbund_id and m.role in ('editor', 'catalogue_admin', 'forbund_admin'))
				or (m.role = 'coordinator' and m.region_id = p_region_id)))
	$$`.execute(db);
	await sql`create function app_can_approve_project(p_owner_forbund_id integer) returns boolean
		language sql stable as $$
		select app_is_platform_admin() or exists (
			select 1 from membership m where m.user_id = app_user_id() and m.forbund_id = p_owner_forbund_id
			and m.role = 'forbund_admin')
	$$`.execute(db);

	// A published project is a public record its owner stands behind: from then on its owner's admin
	// or a coordinator of the region changes it (and its structure), not every writer.
	await sql`create function app_can_change_project(p_owner_forbund_id integer, p_region_id integer, p_status text)
		returns boolean language sql stable as $$
		select app_can_write_project(p_owner_forbund_id, p_region_id) and (p_status <> 'published'
			or app_can_approve_project(p_owner_forbund_id)
			or exists (select 1 from membership m where m.user_id = app_user_id() and m.role = 'coordinator'
				and m.region_id = p_region_id))
	$$`.execute(db);
	// Where a submitted project is mailed: the owner's förbund admins (else the platform admins, so a
	// submit never goes unheard). Security definer, since a writer may not read other people's
	// addresses; it answers only a writer of that project.
	await sql`create function app_project_approver_emails(p_owner_forbund_id integer, p_region_id integer)
		returns text[] language plpgsql stable security definer set search_path = pg_catalog, public as $$
		declare v_emails text[];
		begin
			if not public.app_can_write_project(p_owner_forbund_id, p_region_id) then
				return '{}';
			end if;
			select coalesce(array_agg(distinct u.email order by u.email), '{}') into v_emails
			from public.membership m join public.app_user u on u.id = m.user_id
			where m.forbund_id = p_owner_forbund_id and m.role = 'forbund_admin';
			if cardinality(v_emails) = 0 then
				select coalesce(array_agg(distinct u.email order by u.email), '{}') into v_emails
				from public.membership m join public.app_user u on u.id = m.user_id
				where m.role = 'platform_admin';
			end if;
			return v_emails;
		end
	$$`.execute(db);
	await sql`revoke all on function app_project_approver_emails(integer, integer) from public`.execute(db);
	await sql`grant execute on function app_project_approver_emails(integer, integer) to rp_app`.execute(db);
	await sql`create table project (
		id integer generated always as identity primary key,
		region_id integer not null references region (id),
		owner_forbund_id integer not null references forbund (id),
		slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
		name text not null check (length(trim(name)) between 2 and 120),
		full_name text not null default '' check (length(full_name) <= 200),
		summary text not null default '',
		purpose text not null default '',
		purpose_html text,
		target_groups text not null default '',
		methods text not null default '',
		goals text not null default '',
		referral text not null default '',
		esf boolean not null default false,
		planned_participants integer check (planned_participants >= 0),
		contacts jsonb not null default '[]' check (jsonb_typeof(contacts) = 'array'),
		life_status text not null default 'planerad' check (life_status in ('planerad', 'pagaende', 'avslutad')),
		status text not null default 'draft' check (status in ('draft', 'review', 'published')),
		review_comment text not null default '',
		review_comment_by integer references app_user (id) on delete set null,
		submitted_at timestamptz,
		submitted_by integer references app_user (id) on delete set null,
		published_at timestamptz,
		approved_by integer references app_user (id) on delete set null,
		version integer not null default 1,
		author_id integer references app_user (id) on delete set null,
		updated_by integer references app_user (id) on delete set null,
		created_at timestamptz not null default now(),
		updated_at timestamptz not null default now(),
		constraint project_slug_key unique (region_id, slug),
		constraint project_published_has_date check (status <> 'published' or published_at is not null)
	)`.execute(db);
	await sql`create index project_owner_idx on project (owner_forbund_id)`.execute(db);
	await sql`create index project_region_published_idx on project (region_id, name) where status = 'published'`.execute(
		db
	);

	await sql`create function project_in_step() returns trigger language plpgsql
		set search_path = pg_catalog, public as $fn$
	begin
		if tg_op = 'UPDATE' and new.purpose is distinct from old.purpose
			and new.purpose_html is not distinct from old.purpose_html then
			new.purpose_html := null;
		end if;
		if tg_op = 'UPDATE' and new.owner_forbund_id is distinct from old.owner_forbund_id then
			raise exception 'project %: its owner is fixed', old.id using errcode = 'check_violation';
		end if;
		-- Taking it down and sending it back are the approver's too (a person's; scripts are not asked).
		if tg_op = 'UPDATE' and app_user_id() is not null and not app_can_approve_project(new.owner_forbund_id) then
			if old.status = 'published' and new.status <> 'published' then
				raise exception 'project %: only the owner''s admin unpublishes', old.id
					using errcode = 'insufficient_privilege';
			end if;
			if new.review_comment is distinct from old.review_comment and new.review_comment <> '' then
				raise exception 'project %: only the owner''s admin sends a project back', old.id
					using errcode = 'insufficient_privilege';
			end if;
		end if;
		if new.status = 'published' and (tg_op = 'INSERT' or old.status <> 'published') then
			-- A person (app.user_id set) must be the owner's admin; the owner's own scripts (demo data) are not asked.
			if app_user_id() is not null and not app_can_approve_project(new.owner_forbund_id) then
				raise exception 'project %: only the owner''s admin publishes', new.id
					using errcode = 'insufficient_privilege';
			end if;
		end if;
		if (select region_id from forbund where id = new.owner_forbund_id) <> new.region_id then
			raise exception 'project %: region is not its owner''s', new.id using errcode = 'check_violation';
		end if;
		return new;
	end
	$fn$`.execute(db);
	await sql`create trigger project_in_step before insert or update on project
		for each row execute function project_in_step()`.execute(db);

	await sql`create table project_revision (
		id integer generated always as identity primary key,
		project_id integer not null references project (id) on delete cascade,
		version integer not null,
		title text not null,
		data jsonb not null,
		saved_by integer references app_user (id) on delete set null,
		saved_at timestamptz not null default now(),
		constraint project_revision_version_key unique (project_id, version)
	)`.execute(db);

	await sql`create table project_phase (
		id integer generated always as identity primary key,
		project_id integer not null references project (id) on delete cascade,
		position integer not null check (position between 1 and 20),
		name text not null check (length(trim(name)) between 2 and 120),
		decision_date date,
		period_start date,
		period_end date,
		esf_diarienummer text not null default '' check (length(esf_diarienummer) <= 40),
		planned_participants integer check (planned_participants >= 0),
		constraint project_phase_position_key unique (project_id, position),
		constraint project_phase_period check (period_start is null or period_end is null or period_start <= period_end)
	)`.execute(db);

	// A partner of a phase: a förbund of the region or another organisation, in one ESF role; the owner
	// is the phase's projektägare.
	await sql`create table project_partner (
		id integer generated always as identity primary key,
		phase_id integer not null references project_phase (id) on delete cascade,
		forbund_id integer references forbund (id),
		organisation text check (length(trim(organisation)) between 2 and 200),
		role text not null check (role in ('projektagare', 'samverkanspart', 'samarbetspart', 'medfinansiar',
			'deltagande_aktor')),
		position integer not null default 0,
		constraint project_partner_one_party check ((forbund_id is null) <> (organisation is null)),
		constraint project_partner_forbund_key unique (phase_id, forbund_id),
		constraint project_partner_organisation_key unique (phase_id, organisation)
	)`.execute(db);
	await sql`create index project_partner_forbund_idx on project_partner (forbund_id) where forbund_id is not null`.execute(
		db
	);

	await sql`create function project_partner_in_step() returns trigger language plpgsql
		set search_path = pg_catalog, public as $fn$
	declare
		v_owner integer;
		v_region integer;
	begin
		select p.owner_forbund_id, p.region_id into v_owner, v_region
		from project_phase ph join project p on p.id = ph.project_id where ph.id = new.phase_id;
		if (new.role = 'projektagare') <> (new.forbund_id is not distinct from v_owner) then
			raise exception 'project partner: the owner förbund, and only it, is projektägare'
				using errcode = 'check_violation';
		end if;
		if new.forbund_id is not null and (select region_id from forbund where id = new.forbund_id) <> v_region then
			raise exception 'project partner: a partner förbund must be of the project''s region'
				using errcode = 'check_violation';
		end if;
		return new;
	end
	$fn$`.execute(db);
	await sql`create trigger project_partner_in_step before insert or update on project_partner
		for each row execute function project_partner_in_step()`.execute(db);

	// The budget of a phase per funder and year: the ESF (partner_id null; its diarienummer is the
	// phase's) or a partner's share, in money or in its own work.
	await sql`create table project_funding (
		id integer generated always as identity primary key,
		phase_id integer not null references project_phase (id) on delete cascade,
		partner_id integer references project_partner (id) on delete cascade,
		year integer not null check (year between 2000 and 2100),
		form text not null check (form in ('pengar', 'arbete')),
		amount bigint not null check (amount >= 0)
	)`.execute(db);
	await sql`create unique index project_funding_key on project_funding (phase_id, partner_id, year, form)
		nulls not distinct`.execute(db);

	await sql`create table project_indicator (
		id integer generated always as identity primary key,
		project_id integer not null references project (id) on delete cascade,
		label text not null check (length(trim(label)) between 2 and 200),
		unit text not null default '' check (length(unit) <= 40),
		position integer not null default 0
	)`.execute(db);
	await sql`create table project_indicator_year (
		indicator_id integer not null references project_indicator (id) on delete cascade,
		year integer not null check (year between 2000 and 2100),
		target numeric check (target >= 0),
		actual numeric check (actual >= 0),
		primary key (indicator_id, year)
	)`.execute(db);
	await sql`create table project_milestone (
		id integer generated always as identity primary key,
		project_id integer not null references project (id) on delete cascade,
		label text not null check (length(trim(label)) between 2 and 200),
		due_on date not null,
		done_on date
	)`.execute(db);
	await sql`create index project_milestone_project_idx on project_milestone (project_id, due_on)`.execute(db);

	// A delprojekt: the insats of one partner förbund in one phase.
	await sql`alter table insats add column project_phase_id integer references project_phase (id) on delete set null`.execute(
		db
	);
	await sql`create unique index insats_delprojekt_key on insats (project_phase_id, forbund_id)
		where project_phase_id is not null`.execute(db);
	// Whether a förbund is a partner of a phase, seen past RLS: the insats's trigger asks it for a
	// delprojekt whose project its writer may not otherwise read.
	await sql`create function app_is_phase_partner(p_phase_id integer, p_forbund_id integer) returns boolean
		language sql stable security definer set search_path = pg_catalog, public as $$
		select exists (select 1 from project_partner where phase_id = p_phase_id and forbund_id = p_forbund_id)
	$$`.execute(db);
	await sql`create function insats_delprojekt_in_step() returns trigger language plpgsql
		set search_path = pg_catalog, public as $fn$
	begin
		if new.project_phase_id is not null and not app_is_phase_partner(new.project_phase_id, new.forbund_id) then
			raise exception 'insats %: its förbund is not a partner of that project phase', new.id
				using errcode = 'check_violation';
		end if;
		return new;
	end
	$fn$`.execute(db);
	await sql`create trigger insats_delprojekt_in_step before insert or update of project_phase_id, forbund_id on insats
		for each row execute function insats_delprojekt_in_step()`.execute(db);

	// A partner förbund with a delprojekt in the phase stays until its delprojekt is moved or removed
	// (its insats may be a draft the owner's writers cannot see, hence past RLS).
	await sql`create function project_partner_keeps_delprojekt() returns trigger language plpgsql
		security definer set search_path = pg_catalog, public as $fn$
	begin
		if old.forbund_id is not null and (tg_op = 'DELETE' or new.forbund_id is distinct from old.forbund_id)
			and exists (select 1 from insats where project_phase_id = old.phase_id and forbund_id = old.forbund_id) then
			raise exception 'project partner: the förbund has a delprojekt in this phase'
				using errcode = 'foreign_key_violation';
		end if;
		return coalesce(new, old);
	end
	$fn$`.execute(db);
	await sql`create trigger project_partner_keeps_delprojekt before update or delete on project_partner
		for each row execute function project_partner_keeps_delprojekt()`.execute(db);

	// Whether the caller writes for a partner förbund of the project (any phase): they read it in draft.
	await sql`create function app_is_project_partner_writer(p_project_id integer) returns boolean
		language sql stable security definer set search_path = pg_catalog, public as $$
		select exists (
			select 1 from project_phase ph join project_partner pp on pp.phase_id = ph.id
			join membership m on m.forbund_id = pp.forbund_id
			where ph.project_id = p_project_id and m.user_id = app_user_id()
			and m.role in ('editor', 'catalogue_admin', 'forbund_admin'))
	$$`.execute(db);

	// News items and documents about a project show on its page.
	await sql`alter table news add column project_id integer references project (id) on delete set null`.execute(db);
	await sql`create index news_project_idx on news (project_id) where project_id is not null`.execute(db);
	await sql`alter table document add column project_id integer references project (id) on delete set null`.execute(db);
	await sql`create index document_project_idx on document (project_id, document_date desc) where project_id is not null`.execute(
		db
	);

	await sql`grant select, insert, update, delete on project, project_phase, project_partner, project_funding,
		project_indicator, project_indicator_year, project_milestone to rp_app`.execute(db);
	await sql`grant select, insert on project_revision to rp_app`.execute(db);
	for (const table of TABLES) {
		await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
		await sql`alter table ${sql.table(table)} force row level security`.execute(db);
	}
	// One read policy, in an order PostgreSQL keeps (CASE): a published row is decided at once, a
	// visitor's without a function call; only a signed-in person's drafts ask the rules. Separate
	// policies (ORed in an order of the planner's) made a visitor's page call the functions per row.
	await sql`create policy project_read on project for select using (case
		when status = 'published' then true
		when app_user_id() is null then false
		else app_can_write_project(owner_forbund_id, region_id) or app_is_project_partner_writer(id) end)`.execute(db);
	// Writes per command, so that reading never evaluates the write rule.
	await sql`create policy project_insert on project for insert
		with check (app_can_change_project(owner_forbund_id, region_id, status))`.execute(db);
	await sql`create policy project_update on project for update
		using (app_can_change_project(owner_forbund_id, region_id, status))
		with check (app_can_change_project(owner_forbund_id, region_id, status))`.execute(db);
	await sql`create policy project_delete on project for delete
		using (app_can_change_project(owner_forbund_id, region_id, status))`.execute(db);

	const byProject = (column: string) => ({
		read: sql`exists (select 1 from project p where p.id = ${sql.ref(column)})`,
		write: sql`exists (select 1 from project p where p.id = ${sql.ref(column)}
			and app_can_change_project(p.owner_forbund_id, p.region_id, p.status))`
	});
	const byPhase = {
		read: sql`exists (select 1 from project_phase ph join project p on p.id = ph.project_id where ph.id = phase_id)`,
		write: sql`exists (select 1 from project_phase ph join project p on p.id = ph.project_id where ph.id = phase_id
			and app_can_change_project(p.owner_forbund_id, p.region_id, p.status))`
	};
	const byIndicator = {
		read: sql`exists (select 1 from project_indicator i join project p on p.id = i.project_id where i.id = indicator_id)`,
		write: sql`exists (select 1 from project_indicator i join project p on p.id = i.project_id where i.id = indicator_id
			and app_can_change_project(p.owner_forbund_id, p.region_id, p.status))`
	};
	const rules: [string, { read: ReturnType<typeof sql>; write: ReturnType<typeof sql> }][] = [
		['project_phase', byProject('project_id')],
		['project_indicator', byProject('project_id')],
		['project_milestone', byProject('project_id')],
		['project_partner', byPhase],
		['project_funding', byPhase],
		['project_indicator_year', byIndicator]
	];
	for (const [table, rule] of rules) {
		// Each child is as public as its project (the subquery is itself filtered by project's policies).
		await sql`create policy ${sql.id(`${table}_read`)} on ${sql.table(table)} for select using (${rule.read})`.execute(
			db
		);
		await sql`create policy ${sql.id(`${table}_insert`)} on ${sql.table(table)} for insert
			with check (${rule.write})`.execute(db);
		await sql`create policy ${sql.id(`${table}_update`)} on ${sql.table(table)} for update
			using (${rule.write}) with check (${rule.write})`.execute(db);
		await sql`create policy ${sql.id(`${table}_delete`)} on ${sql.table(table)} for delete
			using (${rule.write})`.execute(db);
	}
	const revision = byProject('project_id');
	await sql`create policy project_revision_writers on project_revision for all
		using (${revision.write}) with check (${revision.write})`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop trigger insats_delprojekt_in_step on insats`.execute(db);
	await sql`drop function insats_delprojekt_in_step()`.execute(db);
	await sql`alter table insats drop column project_phase_id`.execute(db);
	await sql`alter table news drop column project_id`.execute(db);
	await sql`alter table document drop column project_id`.execute(db);
	for (const table of [...TABLES].reverse()) await sql`drop table ${sql.table(table)}`.execute(db);
	await sql`drop function app_is_phase_partner(integer, integer)`.execute(db);
	await sql`drop function app_is_project_partner_writer(integer)`.execute(db);
	await sql`drop function project_partner_in_step()`.execute(db);
	await sql`drop function project_partner_keeps_delprojekt()`.execute(db);
	await sql`drop function project_in_step()`.execute(db);
	await sql`drop function app_project_approver_emails(integer, integer)`.execute(db);
	await sql`drop function app_can_change_project(integer, integer, text)`.execute(db);
	await sql`drop function app_can_approve_project(integer)`.execute(db);
	await sql`drop function app_can_write_project(integer, integer)`.execute(db);
	await sql`update forbund set features = array(select unnest(features) intersect select unnest(${FEATURES_BEFORE}))`.execute(
		db
	);
	await sql`update region set features_off = array(select unnest(features_off) intersect select unnest(${FEATURES_BEFORE}))`.execute(
		db
	);
	await sql`delete from menu_entry where not (feature = any (${FEATURES_BEFORE}))`.execute(db);
	await setFeatures(db, FEATURES_BEFORE);
}
