import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { demoAccounts } from './accounts.ts';
import { demoNews } from './news.ts';
import { authoritiesFor, demoRegions } from './organisations.ts';

export { DEMO_PASSWORD, demoAccounts } from './accounts.ts';
export { demoRegions } from './organisations.ts';
export { demoNews, type DemoNews } from './news.ts';

export interface SeedOptions {
	/** argon2id hash of DEMO_PASSWORD, made by the caller (the db package does not hash). */
	passwordHash: string;
	/** Public origin of each förbund site that runs here, by slug. */
	origins?: Record<string, string>;
}

/**
 * Loads the demo regions, förbund, accounts and news, all in one transaction. Does nothing when
 * the database already holds a region, so it is safe to call at every start.
 */
export async function seedDemo(db: Kysely<Database>, { passwordHash, origins = {} }: SeedOptions): Promise<boolean> {
	if (process.env.NODE_ENV === 'production') {
		throw new Error('Demo data (with its known passwords) is never loaded in production.');
	}
	return db.transaction().execute(async (trx) => {
		const existing = await trx.selectFrom('region').select('id').limit(1).executeTakeFirst();
		if (existing) return false;

		const regionIds = new Map<string, number>();
		const forbundIds = new Map<string, { id: number; regionId: number }>();
		for (const region of demoRegions) {
			const { id: regionId } = await trx
				.insertInto('region')
				.values({ slug: region.slug, name: region.name, description: region.description })
				.returning('id')
				.executeTakeFirstOrThrow();
			regionIds.set(region.slug, regionId);
			for (const f of region.forbund) {
				const { id } = await trx
					.insertInto('forbund')
					.values({
						region_id: regionId,
						slug: f.slug,
						name: f.name,
						short_name: f.shortName,
						description: f.description,
						municipalities: f.municipalities,
						authorities: authoritiesFor(region, f),
						contact_email: `kansli@${f.slug}.demo.regionportalen.se`,
						origin: origins[f.slug] ?? null
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				forbundIds.set(f.slug, { id, regionId });
			}
		}

		const userIds = new Map<string, number>();
		for (const account of demoAccounts) {
			const { id } = await trx
				.insertInto('app_user')
				.values({ email: account.email, name: account.name, password_hash: passwordHash })
				.returning('id')
				.executeTakeFirstOrThrow();
			userIds.set(account.email, id);
			for (const r of account.roles) {
				await trx
					.insertInto('membership')
					.values({
						user_id: id,
						role: r.role,
						forbund_id: r.forbund ? mustGet(forbundIds, r.forbund).id : null,
						region_id: r.region ? mustGet(regionIds, r.region) : null,
						board_role: r.boardRole ?? null
					})
					.execute();
			}
		}

		const author = (forbund: string | null) =>
			userIds.get(forbund ? `redaktor.${forbund}@demo.regionportalen.se` : 'samordnare@demo.regionportalen.se') ?? null;
		for (const item of demoNews) {
			const owner = item.forbund ? mustGet(forbundIds, item.forbund) : null;
			await trx
				.insertInto('news')
				.values({
					region_id: owner?.regionId ?? mustGet(regionIds, item.region),
					forbund_id: owner?.id ?? null,
					slug: item.slug,
					title: item.title,
					lead: item.lead,
					body: item.body,
					status: item.status ?? 'published',
					shared_with_region: item.sharedWithRegion ?? false,
					published_at: item.status === 'draft' ? null : item.publishedAt,
					author_id: author(item.forbund),
					updated_by: author(item.forbund)
				})
				.execute();
		}
		return true;
	});
}

function mustGet<K, V>(map: Map<K, V>, key: K): V {
	const value = map.get(key);
	if (value === undefined) throw new Error(`Demo data refers to unknown ${String(key)}`);
	return value;
}
