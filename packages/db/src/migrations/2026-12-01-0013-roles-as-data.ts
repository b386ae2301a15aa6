import { sql, type Kysely } from 'kysely';
import { syncRoleDefinitions } from '../roles.ts';

// Roles as data: the role_definition table holds what src/roles.ts says of each role (scope, who
// grants it, privileged), and the database's rules read it instead of naming roles themselves, so
// the API and the database cannot disagree. migrateToLatest keeps the table equal to the list.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('role_definition')
		.addColumn('role', 'text', (c) => c.primaryKey())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('forbund', 'region', 'platform')`))
		.addColumn('granted_by', sql`text[]`, (c) => c.notNull())
		.addColumn('privileged', 'boolean', (c) => c.notNull())
		.execute();
	await syncRoleDefinitions(db);
	// Reference data, the same for everyone: readable by the servers, written only by the owner.
	await sql`grant select on role_definition to rp_app`.execute(db);

	await sql`alter table membership drop constraint membership_role_known`.execute(db);
	await sql`alter table membership drop constraint membership_scope`.execute(db);
	await sql`alter table membership add constraint membership_role_defined
		foreign key (role) references role_definition (role)`.execute(db);
	// A role names the place its scope says: a förbund, a region, or none for the platform.
	await sql`create function app_membership_scope_check() returns trigger
		language plpgsql set search_path = public, pg_temp as $$
		declare v_scope text;
		begin
			select scope into v_scope from role_definition where role = new.role;
			if not ((v_scope = 'forbund' and new.forbund_id is not null and new.region_id is null)
				or (v_scope = 'region' and new.region_id is not null and new.forbund_id is null)
				or (v_scope = 'platform' and new.forbund_id is null and new.region_id is null)) then
				raise exception 'membership %: role % needs a place of scope %', new.id, new.role, v_scope
					using errcode = 'check_violation';
			end if;
			return new;
		end
	$$`.execute(db);
	await sql`create trigger membership_scope before insert or update on membership
		for each row execute function app_membership_scope_check()`.execute(db);

	await sql`create or replace function app_user_is_privileged(p_user_id integer) returns boolean
		language sql stable security definer set search_path = public, pg_temp as $$
		select exists (
			select 1 from membership m join role_definition d on d.role = m.role
			where m.user_id = p_user_id and d.privileged
		)
	$$`.execute(db);

	// Who may grant, see and revoke a membership (the same rule as canManageMembership in the API): a
	// platform-scoped role any; a role named in the target's granted_by, within its own förbund or
	// region, and a region's role also in the förbunds of its region.
	await sql`create or replace function app_can_manage_membership(p_role text, p_forbund_id integer, p_region_id integer)
		returns boolean language sql stable security definer set search_path = public, pg_temp as $$
		select exists (
			select 1
			from membership m
			join role_definition granter on granter.role = m.role
			join role_definition target on target.role = p_role
			where m.user_id = app_user_id()
			and (
				granter.scope = 'platform'
				or (m.role = any (target.granted_by) and (
					(granter.scope = 'forbund' and target.scope = 'forbund' and m.forbund_id = p_forbund_id)
					or (granter.scope = 'region' and target.scope = 'region' and m.region_id = p_region_id)
					or (granter.scope = 'region' and target.scope = 'forbund'
						and exists (select 1 from forbund f where f.id = p_forbund_id and f.region_id = m.region_id))
				))
			)
		)
	$$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`create or replace function app_can_manage_membership(p_role text, p_forbund_id integer, p_region_id integer)
		returns boolean language sql stable security definer set search_path = public, pg_temp as $$
		select exists (
			select 1 from membership m
			where m.user_id = app_user_id()
			and (
				m.role = 'platform_admin'
				or (m.role = 'forbund_admin' and m.forbund_id = p_forbund_id
					and p_role in ('editor', 'forbund_admin', 'presidium'))
				or (m.role = 'coordinator' and p_role = 'coordinator' and m.region_id = p_region_id)
				or (m.role = 'coordinator' and p_role = 'presidium'
					and exists (select 1 from forbund f where f.id = p_forbund_id and f.region_id = m.region_id))
			)
		)
	$$`.execute(db);
	await sql`create or replace function app_user_is_privileged(p_user_id integer) returns boolean
		language sql stable security definer set search_path = public, pg_temp as $$
		select exists (
			select 1 from membership m
			where m.user_id = p_user_id and m.role in ('forbund_admin', 'presidium', 'coordinator', 'platform_admin')
		)
	$$`.execute(db);
	await sql`drop trigger membership_scope on membership`.execute(db);
	await sql`drop function app_membership_scope_check()`.execute(db);
	await sql`alter table membership drop constraint membership_role_defined`.execute(db);
	await sql`alter table membership add constraint membership_role_known
		check (role in ('editor', 'forbund_admin', 'presidium', 'coordinator', 'platform_admin'))`.execute(db);
	await sql`alter table membership add constraint membership_scope check (
		(role = 'platform_admin' and forbund_id is null and region_id is null)
		or (role in ('editor', 'forbund_admin', 'presidium') and forbund_id is not null and region_id is null)
		or (role = 'coordinator' and region_id is not null and forbund_id is null))`.execute(db);
	await db.schema.dropTable('role_definition').execute();
}
