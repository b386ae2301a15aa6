import { describe, expect, it } from 'vitest';
import { PageCache, pageCacheFromEnv } from './page-cache.ts';

const page = (text: string) => ({
	body: new TextEncoder().encode(text),
	headers: [['etag', `W/"${text}"`]] as [string, string][]
});

describe('PageCache', () => {
	it('serves a page until its time is up', () => {
		const cache = new PageCache(5000);
		cache.set('/nyheter', page('a'), 1000);
		expect(cache.get('/nyheter', 5999)?.headers).toEqual([['etag', 'W/"a"']]);
		expect(cache.get('/nyheter', 6000)).toBeUndefined();
		expect(cache.size).toBe(0);
	});

	it('keeps at most its size, dropping the least recently used', () => {
		const cache = new PageCache(60_000, 2);
		cache.set('/a', page('a'), 0);
		cache.set('/b', page('b'), 0);
		cache.get('/a', 1);
		cache.set('/c', page('c'), 2);
		expect([cache.get('/a', 3), cache.get('/b', 3), cache.get('/c', 3)].map((p) => !!p)).toEqual([true, false, true]);
	});

	it('is off with PAGE_CACHE_SECONDS=0', () => {
		const cache = pageCacheFromEnv({ PAGE_CACHE_SECONDS: '0' });
		cache.set('/a', page('a'));
		expect(cache.enabled).toBe(false);
		expect(cache.get('/a')).toBeUndefined();
		expect(pageCacheFromEnv({}).enabled).toBe(true);
	});
});
