import { describe, expect, it } from 'vitest';
import { PageCache, pageCacheFromEnv } from './page-cache.ts';

/** A page as publicCaching leaves it, or a personal one. */
function page(text: string, cacheControl = 'public, max-age=60, stale-while-revalidate=300') {
	return new Response(text, { headers: { 'cache-control': cacheControl, etag: `W/"${text}"` } });
}

/** A render that counts its calls and answers when told (or at once). */
function renderer(texts: string[], cacheControl?: string) {
	let calls = 0;
	const waiting: (() => void)[] = [];
	let hold = false;
	return {
		get calls() {
			return calls;
		},
		hold() {
			hold = true;
		},
		release() {
			hold = false;
			waiting.splice(0).forEach((go) => go());
		},
		render: async () => {
			const text = texts[Math.min(calls, texts.length - 1)]!;
			calls++;
			if (hold) await new Promise<void>((go) => waiting.push(go));
			return page(text, cacheControl);
		}
	};
}

const read = async (response: Response) => ({
	status: response.status,
	state: response.headers.get('x-page-cache'),
	body: await response.text()
});

function clock(start = 0) {
	let t = start;
	return { now: () => t, set: (ms: number) => (t = ms) };
}

describe('PageCache', () => {
	it('renders a page once and serves it from memory until its time is up', async () => {
		const time = clock();
		const cache = new PageCache(5000, { now: time.now });
		const r = renderer(['v1', 'v2']);
		expect(await read(await cache.respond('/nyheter', null, r.render))).toEqual({
			status: 200,
			state: 'miss',
			body: 'v1'
		});
		time.set(4999);
		expect(await read(await cache.respond('/nyheter', null, r.render))).toEqual({
			status: 200,
			state: 'hit',
			body: 'v1'
		});
		expect(r.calls).toBe(1);
	});

	it('serves a stale page at once and refreshes it in the background, once', async () => {
		const time = clock();
		const cache = new PageCache(5000, { now: time.now });
		const r = renderer(['v1', 'v2']);
		await cache.respond('/', null, r.render);
		time.set(6000);
		r.hold();
		const during = await Promise.all([1, 2, 3].map(() => cache.respond('/', null, r.render).then(read)));
		expect(during.map((x) => `${x.state} ${x.body}`)).toEqual(['stale v1', 'stale v1', 'stale v1']);
		expect(r.calls).toBe(2);
		r.release();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(await read(await cache.respond('/', null, r.render))).toEqual({ status: 200, state: 'hit', body: 'v2' });
		expect(r.calls).toBe(2);
	});

	it('renders again, without serving it, a page older than two TTLs', async () => {
		const time = clock();
		const cache = new PageCache(5000, { now: time.now });
		const r = renderer(['v1', 'v2']);
		await cache.respond('/', null, r.render);
		time.set(10_000);
		expect(await read(await cache.respond('/', null, r.render))).toEqual({ status: 200, state: 'miss', body: 'v2' });
	});

	it('lets visitors asking for a page being rendered wait for that render', async () => {
		const cache = new PageCache(5000);
		const r = renderer(['v1']);
		r.hold();
		const all = Promise.all([1, 2, 3, 4, 5].map(() => cache.respond('/sok?q=asf', null, r.render).then(read)));
		await new Promise((resolve) => setTimeout(resolve, 0));
		r.release();
		expect((await all).map((x) => x.body)).toEqual(['v1', 'v1', 'v1', 'v1', 'v1']);
		expect(r.calls).toBe(1);
	});

	it('never keeps a page that is not public, nor shares it', async () => {
		const cache = new PageCache(5000);
		const r = renderer(['mine', 'yours'], 'private, no-store');
		r.hold();
		const both = Promise.all([cache.respond('/', null, r.render), cache.respond('/', null, r.render)]);
		await new Promise((resolve) => setTimeout(resolve, 0));
		r.release();
		await new Promise((resolve) => setTimeout(resolve, 0));
		r.release();
		expect((await Promise.all((await both).map(read))).map((x) => x.body)).toEqual(['mine', 'yours']);
		expect(cache.size).toBe(0);
	});

	it('answers a matching If-None-Match with 304', async () => {
		const cache = new PageCache(5000);
		const r = renderer(['v1']);
		expect((await cache.respond('/', 'W/"v1"', r.render)).status).toBe(304);
		expect((await cache.respond('/', 'W/"v1"', r.render)).status).toBe(304);
		expect((await cache.respond('/', 'W/"v0"', r.render)).status).toBe(200);
	});

	it('keeps at most its size, dropping the least recently used', async () => {
		const cache = new PageCache(60_000, { maxEntries: 2 });
		const r = renderer(['x']);
		for (const key of ['/a', '/b', '/a', '/c']) await cache.respond(key, null, r.render);
		const states = [];
		for (const key of ['/a', '/b', '/c'])
			states.push((await cache.respond(key, null, r.render)).headers.get('x-page-cache'));
		expect(states).toEqual(['hit', 'miss', 'miss']);
	});

	it('is off with PAGE_CACHE_SECONDS=0', async () => {
		const cache = pageCacheFromEnv({ PAGE_CACHE_SECONDS: '0' });
		const r = renderer(['v1', 'v2']);
		await cache.respond('/', null, r.render);
		expect(cache.enabled).toBe(false);
		expect(await read(await cache.respond('/', null, r.render))).toEqual({ status: 200, state: null, body: 'v2' });
		expect(pageCacheFromEnv({}).enabled).toBe(true);
	});
});
