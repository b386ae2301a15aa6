import { FEATURES } from '@regionportalen/db';
import type { Db } from '@regionportalen/db/client';
import type { SiteConfig } from '@regionportalen/site-kit/core/server';
import type { AppInfo } from './apps.ts';

/**
 * Writes every förbund app's profile (its site.config.ts) into the database, so the hub and the
 * sibling sites see the same facts: inserted when new, updated when the config changed; and the
 * hub's origin into the regions it serves, so every site can link to it. The regions must exist
 * already (created by a platform admin, or by the demo data).
 */
export async function registerSites(db: Db, apps: AppInfo[], originOf: (site: SiteConfig) => string) {
	const sites = apps.flatMap((app) => (app.config.kind === 'forbund' ? [app.config] : []));
	const hubs = apps.flatMap((app) => (app.config.kind === 'hub' ? [app.config] : []));
	await db.transaction().execute(async (trx) => {
		for (const hub of hubs) {
			const updated = await trx
				.updateTable('region')
				.set({ hub_origin: originOf(hub) })
				.where('slug', 'in', hub.regions)
				.executeTakeFirst();
			if (Number(updated.numUpdatedRows) !== hub.regions.length) {
				throw new Error(`apps/hub: not every region of ${hub.regions.join(', ')} exists in the database.`);
			}
		}
		for (const site of sites) {
			const region = await trx.selectFrom('region').select('id').where('slug', '=', site.region).executeTakeFirst();
			if (!region) throw new Error(`apps/${site.forbund}: region "${site.region}" does not exist in the database.`);
			const profile = {
				region_id: region.id,
				name: site.name,
				short_name: site.shortName,
				description: site.description,
				municipalities: site.municipalities,
				authorities: site.authorities,
				contact_email: site.contact.email,
				contact_phone: site.contact.phone,
				origin: originOf(site),
				show_shared_news: site.showSharedNews,
				features: site.features ?? [...FEATURES]
			};
			await trx
				.insertInto('forbund')
				.values({ slug: site.forbund, ...profile })
				.onConflict((oc) => oc.column('slug').doUpdateSet(profile))
				.execute();
		}
	});
	return sites.length;
}
