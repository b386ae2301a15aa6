import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { expect } from 'vitest';
import { callersFor } from '../helpers.ts';
import { NEWS_ACTORS } from './news.ts';
import { defineMatrix } from './runner.ts';

// The shape of a site. Its menu is ordered by its förbund's admins (on the hub, the region's part
// by the region's coordinators); which features a region's part of the hub has is the platform
// admins' alone (they run the hub).

type Actor = (typeof NEWS_ACTORS)[number];
type Owner = { forbund: 'a' | 'b' | 'c' } | { region: 'norr' | 'syd' };
const OWNERS: Owner[] = [{ forbund: 'a' }, { forbund: 'b' }, { forbund: 'c' }, { region: 'norr' }, { region: 'syd' }];

const regionOf = (o: Owner) => ('region' in o ? o.region : o.forbund === 'c' ? 'syd' : 'norr');

function arranges(actor: Actor, owner: Owner): boolean {
	if (actor === 'platformAdmin') return true;
	return 'forbund' in owner
		? owner.forbund === 'a' && actor === 'adminA'
		: owner.region === 'norr' && actor === 'coordinatorNorr';
}

async function world(owner: Db) {
	await owner.updateTable('region').set({ features_off: [] }).execute();
	await owner.deleteFrom('menu_entry').execute();
	return null;
}

export function sitesMatrix(db: Db, owner: Db, fx: Fixtures) {
	const menuRows = (o: Owner) =>
		owner
			.selectFrom('menu_entry')
			.select(['feature', 'position'])
			.where('region_id', '=', fx.regions[regionOf(o)])
			.where((eb) => ('forbund' in o ? eb('forbund_id', '=', fx.forbund[o.forbund]) : eb('forbund_id', 'is', null)))
			.orderBy('position')
			.execute();
	return defineMatrix<Actor, Owner, null>({
		name: 'sites',
		actors: NEWS_ACTORS,
		scopes: OWNERS,
		callers: callersFor(db, fx),
		reset: () => world(owner),
		tables: ['region', 'menu_entry'],
		procedures: {
			'sites.setRegionFeatures': {
				call: (c, o) => c.sites.setRegionFeatures({ region: regionOf(o), off: ['minutes'] }),
				allowed: (actor) => actor === 'platformAdmin',
				verify: async (_value, { scope, label }) => {
					const row = await owner
						.selectFrom('region')
						.select('features_off')
						.where('id', '=', fx.regions[regionOf(scope)])
						.executeTakeFirstOrThrow();
					expect(row.features_off, label).toEqual(['minutes']);
				}
			},
			'sites.menuForEditing': {
				call: (c, o) => c.sites.menuForEditing({ owner: o }),
				allowed: arranges,
				verify: (value, { label }) =>
					expect(
						(value as { entries: { key: string }[] }).entries.map((e) => e.key).filter((k) => k.startsWith('feature:')),
						label
					).toEqual([
						'feature:news',
						'feature:search',
						'feature:minutes',
						'feature:insatser',
						'feature:documents',
						'feature:projects',
						'feature:asf'
					]),
				// The menu is public (sites.menu); only its editing view is the admins'.
				assertNoLeak: () => undefined
			},
			'sites.saveMenu': {
				call: (c, o) => c.sites.saveMenu({ owner: o, keys: ['feature:search', 'feature:news'] }),
				allowed: arranges,
				verify: async (_value, { scope, label }) =>
					expect(await menuRows(scope), label).toEqual([
						{ feature: 'search', position: 0 },
						{ feature: 'news', position: 1 }
					])
			}
		}
	});
}
