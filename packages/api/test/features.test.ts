import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { SiteFactsCache } from '../src/index.ts';
import { hasFeature } from '../src/core/index.ts';
import { callersFor, expectTrpcError } from './helpers.ts';

// A feature a site does not have refuses writes, whatever the caller's role (the routes are gone
// from a förbund site that leaves it out, and a 404 on the hub where it is off for the region).

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const as = callersFor(db, fx);
const draft = { title: 'Frukostmöte', lead: '', body: 'Text', owner: { forbund: 'a' as const } };

beforeEach(async () => {
	await owner.deleteFrom('news').execute();
	await owner
		.updateTable('forbund')
		.set({ features: ['news', 'search', 'minutes', 'content'] })
		.execute();
	await owner.updateTable('region').set({ features_off: [] }).execute();
});

describe('features per site', () => {
	it('refuses news writes on a förbund site without news, also to a platform admin, and allows them again', async () => {
		const item = await as.editorA.news.create(draft);
		await owner
			.updateTable('forbund')
			.set({ features: ['search'] })
			.where('id', '=', fx.forbund.a)
			.execute();
		for (const caller of [as.editorA, as.platformAdmin]) {
			const refused = await expectTrpcError(caller.news.create(draft), 'FORBIDDEN');
			expect(refused.message).toBe('Nyheter finns inte på den här webbplatsen.');
		}
		await expectTrpcError(as.editorA.news.publish({ id: item.id }), 'FORBIDDEN');
		await expectTrpcError(as.editorA.news.update({ ...draft, id: item.id, version: item.version }), 'FORBIDDEN');
		expect((await owner.selectFrom('news').select('status').executeTakeFirstOrThrow()).status).toBe('draft');
		// Another förbund's site keeps its news.
		await as.editorB.news.create({ ...draft, owner: { forbund: 'b' } });

		await owner
			.updateTable('forbund')
			.set({ features: ['news'] })
			.where('id', '=', fx.forbund.a)
			.execute();
		await as.editorA.news.publish({ id: item.id });
	});

	it('refuses a region’s news and minutes on the hub once a platform admin turns them off', async () => {
		await as.platformAdmin.sites.setRegionFeatures({ region: 'norr', off: ['minutes', 'news'] });
		const regional = { ...draft, owner: { region: 'norr' as const } };
		expect((await expectTrpcError(as.coordinatorNorr.news.create(regional), 'FORBIDDEN')).message).toBe(
			'Nyheter finns inte på den här webbplatsen.'
		);
		const meeting = {
			title: 'Presidiernas möte',
			starts_at: new Date('2026-11-14T15:00:00Z'),
			ends_at: new Date('2026-11-14T17:00:00Z'),
			place: 'Förbundets lokaler',
			attendees: [],
			items: [],
			actions: []
		};
		await expectTrpcError(as.coordinatorNorr.minutes.create({ region: 'norr', content: meeting }), 'FORBIDDEN');
		// The förbund of the region keep theirs: the switch is the hub's.
		await as.editorA.news.create(draft);
		const region = await as.anonymous.sites.region({ slug: 'norr' });
		expect(region.features_off).toEqual(['news', 'minutes']);
		const entry = await owner
			.selectFrom('audit_log')
			.select(['action', 'summary'])
			.where('action', '=', 'sites.features')
			.executeTakeFirstOrThrow();
		expect(entry.summary).toBe('Stängde av Nyheter, Presidiet för Region norr på navet');

		await as.platformAdmin.sites.setRegionFeatures({ region: 'norr', off: [] });
		await as.coordinatorNorr.news.create(regional);
	});

	it('refuses an unknown feature name in Swedish terms of the schema', async () => {
		await expectTrpcError(
			as.platformAdmin.sites.setRegionFeatures({ region: 'norr', off: ['kalender' as never] }),
			'BAD_REQUEST'
		);
	});

	it('reads the features through the site-facts cache when there is one', async () => {
		const cache = new SiteFactsCache(60_000);
		const ctx = { db, siteFacts: cache };
		const a = { forbund_id: fx.forbund.a, region_id: fx.regions.norr };
		expect(await hasFeature(ctx, a, 'news')).toBe(true);
		await owner.updateTable('forbund').set({ features: [] }).where('id', '=', fx.forbund.a).execute();
		expect(await hasFeature(ctx, a, 'news')).toBe(true);
		expect(await hasFeature({ db }, a, 'news')).toBe(false);
	});
});
