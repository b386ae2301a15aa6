import { describe, expect, it } from 'vitest';
import { isbot } from 'isbot';
import type { SiteConfig } from '../../core/server/index.ts';
import { hitOf } from './usage-counter.ts';

// What the usage counter counts: an address and a kind, from the path alone.

const forbund = { kind: 'forbund', forbund: 'sus', region: 'stockholm' } as SiteConfig;
const hub: SiteConfig = {
	kind: 'hub',
	regions: ['stockholm', 'varmland-dalsland'],
	origin: 'http://localhost',
	port: 5173
};
const hit = (site: SiteConfig, path: string) => hitOf(site, new URL(path, 'http://localhost'));

describe('the usage counter', () => {
	it('counts an insats page, its referral form and a filtered or searched catalogue on a förbund site', () => {
		expect(hit(forbund, '/insatser/samre')).toEqual({ forbund: 'sus', region: null, insats: 'samre', kind: 'view' });
		expect(hit(forbund, '/insatser/samre/remissblankett')).toMatchObject({ insats: 'samre', kind: 'referral' });
		expect(hit(forbund, '/insatser?kommun=Sigtuna')).toMatchObject({ insats: null, kind: 'search' });
		expect(hit(forbund, '/insatser?q=unga')).toMatchObject({ kind: 'search' });
	});

	it('does not count the bare catalogue, a further page of the same search, the exports or other pages', () => {
		expect(hit(forbund, '/insatser')).toBeNull();
		expect(hit(forbund, '/insatser?q=&kommun=')).toBeNull();
		expect(hit(forbund, '/insatser?q=unga&sida=2')).toBeNull();
		expect(hit(forbund, '/insatser/export.csv')).toBeNull();
		expect(hit(forbund, '/insatser/export.json')).toBeNull();
		expect(hit(forbund, '/nyheter/samre')).toBeNull();
	});

	it('counts the hub’s regional catalogue searches, for a region it serves', () => {
		expect(hit(hub, '/stockholm/insatser?malgrupp=unga')).toEqual({
			forbund: null,
			region: 'stockholm',
			insats: null,
			kind: 'search'
		});
		expect(hit(hub, '/okand/insatser?q=unga')).toBeNull();
		expect(hit(hub, '/stockholm/insatser')).toBeNull();
	});

	it('leaves out known bots, Playwright’s headless Chrome among them, but not a person’s browser', () => {
		expect(isbot('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)')).toBe(true);
		expect(
			isbot(
				'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36'
			)
		).toBe(true);
		expect(
			isbot('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36')
		).toBe(false);
	});
});
