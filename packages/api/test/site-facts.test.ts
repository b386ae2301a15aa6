import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import { createCaller } from '../src/index.ts';
import { SiteFactsCache } from '../src/core/site-facts.ts';

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);

const rename = (name: string) => owner.updateTable('forbund').set({ name }).where('id', '=', fx.forbund.a).execute();

describe("a server's cache of the sites' facts", () => {
	it('answers lookups from memory for its lifetime, then reads the database again', async () => {
		const cached = createCaller({ db, user: null, session: null, siteFacts: new SiteFactsCache(300) });
		const uncached = createCaller({ db, user: null, session: null });
		const original = (await cached.sites.forbund({ slug: 'a' })).name;

		await rename('Omdöpt');
		expect((await cached.sites.forbund({ slug: 'a' })).name).toBe(original);
		expect((await uncached.sites.forbund({ slug: 'a' })).name).toBe('Omdöpt');
		await new Promise((resolve) => setTimeout(resolve, 350));
		expect((await cached.sites.forbund({ slug: 'a' })).name).toBe('Omdöpt');
		await rename(original);
	});

	it('is shared by visitors and signed-in people alike, and never keeps a failure', async () => {
		const cache = new SiteFactsCache(60_000);
		const visitor = createCaller({ db, user: null, session: null, siteFacts: cache });
		const editor = createCaller({
			db,
			user: { id: fx.users.editorA, email: 'a@test.example', name: 'A' },
			session: { id: 'test-session', twoFactorVerified: true },
			siteFacts: cache
		});
		const region = await visitor.sites.region({ slug: 'norr' });
		expect(await editor.sites.region({ slug: 'norr' })).toEqual(region);

		let calls = 0;
		const failing = () => {
			calls++;
			return Promise.reject(new Error('anslutningen bröts'));
		};
		await expect(cache.get('x', failing)).rejects.toThrow();
		await expect(cache.get('x', failing)).rejects.toThrow();
		expect(calls).toBe(2);
	});
});
