import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { urlAs } from '@regionportalen/db/app-role';
import { createTestDatabase } from '@regionportalen/db/testing';
import { TEST_APP_LOGIN } from '../../db/src/testing/names.ts';
import { describe, expect, it } from 'vitest';
import {
	assertNotRateLimited,
	clearRateLimit,
	emailKey,
	RATE_LIMITS,
	RateLimitedError,
	recordFailure,
	retryAfter
} from '../src/rate-limit.ts';

const { db, url } = await createTestDatabase();

describe('rate limits', () => {
	it('let the first attempts through, then block with delays that grow', async () => {
		const key = emailKey('login:account', 'Someone@Test.Example');
		expect(key).not.toContain('someone');
		const waits = [];
		for (let i = 0; i < 8; i++) waits.push(await recordFailure(db, key, RATE_LIMITS.loginAccount));
		expect(waits.slice(0, 4)).toEqual([0, 0, 0, 0]);
		expect(waits[4]).toBe(30);
		expect(waits[5]).toBe(60);
		expect(waits[6]).toBe(120);
		expect(waits[7]).toBe(240);
		await expect(assertNotRateLimited(db, [key])).rejects.toBeInstanceOf(RateLimitedError);
		await clearRateLimit(db, key);
		await expect(assertNotRateLimited(db, [key])).resolves.toBeUndefined();
	});

	it('never grow past their ceiling', async () => {
		const key = 'totp:ceiling';
		let wait = 0;
		for (let i = 0; i < 20; i++) wait = await recordFailure(db, key, RATE_LIMITS.totp);
		expect(wait).toBe(3600);
	});

	it('count every concurrent failure', async () => {
		const key = 'login:ip:203.0.113.7';
		await Promise.all(Array.from({ length: 20 }, () => recordFailure(db, key, RATE_LIMITS.loginIp)));
		const row = await db.selectFrom('rate_limit').select('failures').where('key', '=', key).executeTakeFirstOrThrow();
		expect(row.failures).toBe(20);
	});

	it('still hold after a restart: a new process (a new app instance) sees the same block', async () => {
		const key = emailKey('login:account', 'restart@test.example');
		for (let i = 0; i < 6; i++) await recordFailure(db, key, RATE_LIMITS.loginAccount);
		expect(await retryAfter(db, key)).toBeGreaterThan(30);
		// A separate Node process, connected as the servers are (a member of rp_app).
		const probe = fileURLToPath(new URL('./rate-limit-probe.ts', import.meta.url));
		const { stdout } = await promisify(execFile)(process.execPath, [probe, urlAs(url, TEST_APP_LOGIN), key], {
			cwd: fileURLToPath(new URL('..', import.meta.url))
		});
		expect(Number(stdout.trim())).toBeGreaterThan(30);
	});
});
