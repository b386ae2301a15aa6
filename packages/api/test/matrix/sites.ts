import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { expect } from 'vitest';
import { callersFor } from '../helpers.ts';
import { NEWS_ACTORS } from './news.ts';
import { defineMatrix } from './runner.ts';

// The shape of a site: which features a region's part of the hub has is the platform admins'
// alone (they run the hub); a region's coordinator and the förbund's people may not turn them off.

type Actor = (typeof NEWS_ACTORS)[number];
const SCOPES = ['norr', 'syd'] as const;

async function world(owner: Db) {
	await owner.updateTable('region').set({ features_off: [] }).execute();
	return null;
}

export function sitesMatrix(db: Db, owner: Db, fx: Fixtures) {
	return defineMatrix<Actor, (typeof SCOPES)[number], null>({
		name: 'sites',
		actors: NEWS_ACTORS,
		scopes: SCOPES,
		callers: callersFor(db, fx),
		reset: () => world(owner),
		tables: ['region'],
		procedures: {
			'sites.setRegionFeatures': {
				call: (c, region) => c.sites.setRegionFeatures({ region, off: ['minutes'] }),
				allowed: (actor) => actor === 'platformAdmin',
				verify: async (_value, { scope, label }) => {
					const row = await owner
						.selectFrom('region')
						.select('features_off')
						.where('id', '=', fx.regions[scope])
						.executeTakeFirstOrThrow();
					expect(row.features_off, label).toEqual(['minutes']);
				}
			}
		}
	});
}
