import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { PageCache } from './page-cache.ts';
import { applySecurityHeaders, endpointCsp, hsts, permissionsPolicy, securityHeaders } from './security-headers.ts';
import { securityTxt } from './security-txt.ts';

function applied(init: Record<string, string>, secure: boolean): Headers {
	const headers = new Headers(init);
	applySecurityHeaders(headers, secure);
	return headers;
}

describe('applySecurityHeaders', () => {
	it('sets every header, HSTS only over https', () => {
		const https = applied({}, true);
		expect(https.get('x-frame-options')).toBe('DENY');
		expect(https.get('x-content-type-options')).toBe('nosniff');
		expect(https.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(https.get('permissions-policy')).toBe(permissionsPolicy);
		expect(https.get('strict-transport-security')).toBe(hsts);
		expect(applied({}, false).has('strict-transport-security')).toBe(false);
	});

	it("keeps a page's own CSP and gives other responses one that allows nothing", () => {
		expect(applied({}, false).get('content-security-policy')).toBe(endpointCsp);
		const page = "script-src 'self' 'sha256-abc'";
		expect(applied({ 'content-security-policy': page }, false).get('content-security-policy')).toBe(page);
	});

	it('never weakens a stricter referrer policy, but replaces a weaker one', () => {
		for (const strict of ['same-origin', 'no-referrer', 'strict-origin'])
			expect(applied({ 'referrer-policy': strict }, false).get('referrer-policy')).toBe(strict);
		for (const weak of ['unsafe-url', 'no-referrer-when-downgrade', 'origin', 'same-origin, unsafe-url'])
			expect(applied({ 'referrer-policy': weak }, false).get('referrer-policy')).toBe(
				'strict-origin-when-cross-origin'
			);
	});
});

describe('securityHeaders', () => {
	it('puts them on the page cache’s hits and 304s, which it replays from memory', async () => {
		const cache = new PageCache(60_000);
		const render = async () =>
			new Response('<p>Hej</p>', {
				headers: { 'content-type': 'text/html', 'cache-control': 'public, max-age=60', etag: 'W/"a"' }
			});
		const handle = securityHeaders(true);
		const ask = (ifNoneMatch: string | null) =>
			handle({ event: {} as RequestEvent, resolve: () => cache.respond('/', ifNoneMatch, render) });
		const miss = await ask(null);
		const hit = await ask(null);
		const notModified = await ask('W/"a"');
		expect([miss, hit, notModified].map((r) => [r.status, r.headers.get('x-page-cache')])).toEqual([
			[200, 'miss'],
			[200, 'hit'],
			[304, 'hit']
		]);
		for (const response of [miss, hit, notModified]) {
			expect(response.headers.get('x-frame-options')).toBe('DENY');
			expect(response.headers.get('strict-transport-security')).toBe(hsts);
			expect(response.headers.get('content-security-policy')).toBe(endpointCsp);
		}
	});

	it('copies a response whose headers cannot change', async () => {
		const frozen = Response.redirect('http://localhost/annan', 303);
		const response = await securityHeaders(false)({ event: {} as RequestEvent, resolve: async () => frozen });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('http://localhost/annan');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	});
});

describe('securityTxt', () => {
	it('has the RFC 9116 fields, expiring within a year', () => {
		const now = new Date('2026-12-03T19:00:00Z');
		const text = securityTxt('https://hbs.example', now, 'mailto:a@b.se');
		expect(text).toBe(
			[
				'Contact: mailto:a@b.se',
				'Expires: 2027-06-01T00:00:00.000Z',
				'Preferred-Languages: sv, en',
				'Canonical: https://hbs.example/.well-known/security.txt',
				''
			].join('\n')
		);
	});
});
