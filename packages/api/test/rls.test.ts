import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);

describe('row-level security', () => {
	it('is enabled and forced on every tenant table', async () => {
		const { rows } = await sql<{ table: string; enabled: boolean; forced: boolean }>`
			select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced
			from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind = 'r'
			and (c.relname = 'region' or exists (
				select 1 from information_schema.columns col
				where col.table_schema = 'public' and col.table_name = c.relname and col.column_name in ('forbund_id', 'region_id', 'news_id', 'minutes_id', 'page_id')
			))
			order by 1`.execute(owner);
		expect(rows.map((r) => r.table)).toEqual(
			expect.arrayContaining([
				'audit_log',
				'content_page',
				'content_page_attachment',
				'content_page_redirect',
				'content_page_revision',
				'forbund',
				'meeting',
				'meeting_minutes',
				'minutes_action',
				'minutes_attachment',
				'minutes_attendee',
				'minutes_item',
				'membership',
				'news',
				'news_attachment',
				'news_revision',
				'region'
			])
		);
		for (const row of rows) expect(row, row.table).toMatchObject({ enabled: true, forced: true });
	});

	it('binds the servers’ login, which is no superuser, cannot bypass RLS and owns no table', async () => {
		const { rows } = await sql<{ super: boolean; bypass: boolean; owned: number; member: boolean }>`
			select r.rolsuper as super, r.rolbypassrls as bypass,
				(select count(*)::int from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user) as owned,
				pg_has_role(current_user, 'rp_app', 'member') as member
			from pg_roles r where r.rolname = current_user`.execute(db);
		expect(rows[0]).toEqual({ super: false, bypass: false, owned: 0, member: true });
	});

	it('keeps the caller set for one transaction only, never for the pooled connection', async () => {
		await db.transaction().execute(async (trx) => {
			await sql`select set_config('app.user_id', ${String(fx.users.editorA)}, true)`.execute(trx);
			const { rows } = await sql<{ id: number | null }>`select app_user_id() as id`.execute(trx);
			expect(rows[0]?.id).toBe(fx.users.editorA);
		});
		// Every connection of the pool, after the transaction: nobody.
		const after = await Promise.all(
			Array.from({ length: 4 }, () => sql<{ id: number | null }>`select app_user_id() as id`.execute(db))
		);
		for (const { rows } of after) expect(rows[0]?.id).toBeNull();
	});

	it('shows a visitor only published news, straight from SQL', async () => {
		await owner
			.insertInto('news')
			.values([
				{ region_id: fx.regions.norr, forbund_id: fx.forbund.a, slug: 'utkast', title: 'Utkast' },
				{
					region_id: fx.regions.norr,
					forbund_id: fx.forbund.a,
					slug: 'ute',
					title: 'Ute',
					status: 'published',
					published_at: new Date('2024-01-01')
				},
				{
					region_id: fx.regions.norr,
					forbund_id: fx.forbund.a,
					slug: 'senare',
					title: 'Senare',
					status: 'scheduled',
					published_at: new Date('2999-01-01')
				}
			])
			.execute();
		const titles = (await db.selectFrom('news').select('title').execute()).map((r) => r.title);
		expect(titles).toEqual(['Ute']);
		const updated = await db.updateTable('news').set({ title: 'Kapad' }).executeTakeFirst();
		expect(updated.numUpdatedRows).toBe(0n);
		await expect(
			db
				.insertInto('news')
				.values({ region_id: fx.regions.norr, forbund_id: fx.forbund.a, slug: 'nytt', title: 'Nytt' })
				.execute()
		).rejects.toThrow(/row-level security/);
	});

	it('keeps the audit log append-only, in the caller’s own name, readable only within an admin’s scope', async () => {
		const as = <T>(userId: number | null, work: (trx: typeof db) => Promise<T>) =>
			db.transaction().execute(async (trx) => {
				await sql`select set_config('app.user_id', ${userId === null ? '' : String(userId)}, true)`.execute(trx);
				return work(trx);
			});
		const entry = { action: 'test.write', entity_type: 'test', region_id: fx.regions.norr, forbund_id: fx.forbund.a };

		await as(fx.users.editorA, (trx) =>
			trx
				.insertInto('audit_log')
				.values({ ...entry, actor_id: fx.users.editorA })
				.execute()
		);
		await expect(
			as(fx.users.editorA, (trx) =>
				trx
					.insertInto('audit_log')
					.values({ ...entry, actor_id: fx.users.adminA })
					.execute()
			)
		).rejects.toThrow(/row-level security/);
		await expect(
			as(fx.users.editorA, (trx) => trx.updateTable('audit_log').set({ summary: 'ändrad' }).execute())
		).rejects.toThrow(/permission denied/);
		await expect(as(fx.users.platformAdmin, (trx) => trx.deleteFrom('audit_log').execute())).rejects.toThrow(
			/permission denied/
		);

		const visible = (userId: number) =>
			as(userId, (trx) => trx.selectFrom('audit_log').select('action').where('action', '=', 'test.write').execute());
		expect(await visible(fx.users.editorA)).toHaveLength(0);
		expect(await visible(fx.users.adminA)).toHaveLength(1);
		expect(await visible(fx.users.coordinatorNorr)).toHaveLength(1);
		expect(await visible(fx.users.platformAdmin)).toHaveLength(1);
	});
});
