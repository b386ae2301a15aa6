import { createHash } from 'node:crypto';
import { inTransaction, type Db } from '@regionportalen/db/client';
import { sql } from 'kysely';

// Failed attempts counted in PostgreSQL, so every app instance sees the same count and a restart
// forgets nothing. A key is blocked once its failures reach `free`; each further failure doubles the
// delay, up to `maxDelayMs`. A key with no failure for `quietMs` starts from zero again.

export interface RateLimitRule {
	free: number;
	quietMs: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const RATE_LIMITS = {
	/** Per account: 5 wrong passwords, then 30 s, 1 min, 2 min … up to an hour. */
	loginAccount: { free: 5, quietMs: 24 * HOUR, baseDelayMs: 30_000, maxDelayMs: HOUR },
	/** Per address: generous, since a municipality's staff may share one address. */
	loginIp: { free: 100, quietMs: 15 * MINUTE, baseDelayMs: 15 * MINUTE, maxDelayMs: HOUR },
	/** Per person: 5 wrong codes, then 5 min, doubling; a million codes cannot be tried. */
	totp: { free: 5, quietMs: HOUR, baseDelayMs: 5 * MINUTE, maxDelayMs: HOUR },
	/** Per e-mail address: reset mails requested. Every request counts, not only failures. */
	resetRequest: { free: 3, quietMs: HOUR, baseDelayMs: HOUR, maxDelayMs: HOUR },
	/** Per address: reset requests and reset/invitation links tried. */
	resetIp: { free: 20, quietMs: HOUR, baseDelayMs: 15 * MINUTE, maxDelayMs: HOUR },
	/** Per person: the current password re-entered wrongly on the account page. */
	reauth: { free: 5, quietMs: HOUR, baseDelayMs: 5 * MINUTE, maxDelayMs: HOUR },
	/** Per admin: invitations sent (each one mails someone). */
	invite: { free: 50, quietMs: HOUR, baseDelayMs: HOUR, maxDelayMs: HOUR }
} satisfies Record<string, RateLimitRule>;

/** Thrown (and turned into 429 with Retry-After) when a key is blocked. */
export class RateLimitedError extends Error {
	readonly retryAfterSeconds: number;
	constructor(retryAfterSeconds: number) {
		super(`För många försök, vänta ${waitText(retryAfterSeconds)} och försök igen.`);
		this.name = 'RateLimitedError';
		this.retryAfterSeconds = retryAfterSeconds;
	}
}

export function waitText(seconds: number): string {
	if (seconds < 60) return `${seconds} sekunder`;
	const minutes = Math.ceil(seconds / 60);
	return minutes === 1 ? 'en minut' : `${minutes} minuter`;
}

/** An e-mail address as a key: hashed, so the table holds no addresses. */
export function emailKey(prefix: string, email: string): string {
	return `${prefix}:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
}

/** Seconds until the key may try again; 0 when it may now. */
export async function retryAfter(db: Db, key: string): Promise<number> {
	const row = await db.selectFrom('rate_limit').select('blocked_until').where('key', '=', key).executeTakeFirst();
	const until = row?.blocked_until?.getTime() ?? 0;
	return until > Date.now() ? Math.ceil((until - Date.now()) / 1000) : 0;
}

/** Throws RateLimitedError for the first of the keys that is blocked. */
export async function assertNotRateLimited(db: Db, keys: string[]): Promise<void> {
	for (const key of keys) {
		const seconds = await retryAfter(db, key);
		if (seconds > 0) throw new RateLimitedError(seconds);
	}
}

/**
 * Counts one failure (or, for limits on requests, one request) and returns the seconds the key is
 * now blocked for (0 if not). The row is locked by the upsert, so concurrent failures all count.
 */
export async function recordFailure(db: Db, key: string, rule: RateLimitRule): Promise<number> {
	// Inside a caller's transaction (an API procedure) the count is kept or rolled back with it.
	return inTransaction(db, (trx) => countFailure(trx, key, rule));
}

async function countFailure(trx: Db, key: string, rule: RateLimitRule): Promise<number> {
	{
		const row = await trx
			.insertInto('rate_limit')
			.values({ key, failures: 0 })
			.onConflict((oc) => oc.column('key').doUpdateSet({ key: (eb) => eb.ref('excluded.key') }))
			.returningAll()
			.executeTakeFirstOrThrow();
		const now = Date.now();
		const blockedUntil = row.blocked_until?.getTime() ?? 0;
		const quiet = row.failures > 0 && now - row.last_failure_at.getTime() > rule.quietMs && blockedUntil <= now;
		const failures = quiet ? 1 : row.failures + 1;
		const delay = failures >= rule.free ? Math.min(rule.baseDelayMs * 2 ** (failures - rule.free), rule.maxDelayMs) : 0;
		const until = Math.max(blockedUntil, delay ? now + delay : 0);
		await trx
			.updateTable('rate_limit')
			.set({ failures, last_failure_at: new Date(now), blocked_until: until > now ? new Date(until) : null })
			.where('key', '=', key)
			.execute();
		// Now and then, forget keys that have been quiet for days.
		if (Math.random() < 0.01) {
			await trx
				.deleteFrom('rate_limit')
				.where('last_failure_at', '<', sql<Date>`now() - interval '7 days'`)
				.execute();
		}
		return until > now ? Math.ceil((until - now) / 1000) : 0;
	}
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
	await db.deleteFrom('rate_limit').where('key', '=', key).execute();
}
