import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { demoAccounts } from './accounts.ts';
import { demoNews } from './news.ts';
import { demoRegions } from './organisations.ts';

export { DEMO_PASSWORD, demoAccounts, demoTotpSecret } from './accounts.ts';
export { demoRegions } from './organisations.ts';
export { demoNews, type DemoNews } from './news.ts';

function refuseInProduction() {
	if (process.env.NODE_ENV === 'production') {
		throw new Error('Demo data (with its known passwords) is never loaded in production.');
	}
}

/**
 * The demo regions and the förbund that have no app of their own here. Only adds what is missing, so
 * it is safe at every start; förbund with an app are registered from their site.config.ts.
 */
export async function seedDemoOrganisations(db: Kysely<Database>): Promise<void> {
	refuseInProduction();
	await db.transaction().execute(async (trx) => {
		for (const region of demoRegions) {
			const { forbund, ...values } = region;
			await trx
				.insertInto('region')
				.values(values)
				.onConflict((oc) => oc.column('slug').doNothing())
				.execute();
			const { id: regionId } = await trx
				.selectFrom('region')
				.select('id')
				.where('slug', '=', region.slug)
				.executeTakeFirstOrThrow();
			for (const f of forbund) {
				await trx
					.insertInto('forbund')
					.values({
						region_id: regionId,
						slug: f.slug,
						name: f.name,
						short_name: f.shortName,
						description: f.description,
						municipalities: f.municipalities,
						authorities: f.authorities
					})
					.onConflict((oc) => oc.column('slug').doNothing())
					.execute();
			}
		}
	});
}

/**
 * The demo people and news, in one transaction, once: does nothing when any person exists. Every
 * förbund the news names must exist (seedDemoOrganisations, then the sites' registration).
 */
export async function seedDemoContent(
	db: Kysely<Database>,
	{ passwordHash }: { passwordHash: string }
): Promise<boolean> {
	refuseInProduction();
	return db.transaction().execute(async (trx) => {
		if (await trx.selectFrom('app_user').select('id').limit(1).executeTakeFirst()) return false;

		const regionIds = new Map(
			(await trx.selectFrom('region').select(['slug', 'id']).execute()).map((r) => [r.slug, r.id])
		);
		const forbundIds = new Map(
			(await trx.selectFrom('forbund').select(['slug', 'id', 'region_id']).execute()).map((f) => [
				f.slug,
				{ id: f.id, regionId: f.region_id }
			])
		);

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

/**
 * Gives the demo accounts that have a TOTP key their key, sealed by the caller (the database package
 * does not hold the servers' sealing key). Only where none is set, so it is safe at every start and
 * also reaches a demo database made before two-factor authentication existed.
 */
export async function seedDemoTwoFactor(db: Kysely<Database>, seal: (base32Key: string) => Buffer): Promise<number> {
	refuseInProduction();
	let count = 0;
	for (const account of demoAccounts) {
		if (!account.totpSecret) continue;
		const result = await db
			.updateTable('app_user')
			.set({ totp_secret: seal(account.totpSecret), totp_enabled_at: new Date() })
			.where('email', '=', account.email)
			.where('totp_secret', 'is', null)
			.executeTakeFirst();
		count += Number(result.numUpdatedRows);
	}
	return count;
}

function mustGet<K, V>(map: Map<K, V>, key: K): V {
	const value = map.get(key);
	if (value === undefined) throw new Error(`Demo data refers to unknown ${String(key)}`);
	return value;
}
