import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Session, User } from '@regionportalen/db';
import type { Db } from '@regionportalen/db/client';
import { sql } from 'kysely';

// Sessions the Lucia way: a random token lives only in the cookie; the database keeps its SHA-256.
//
// A person with a privileged role (förbund admin, presidium, coordinator, platform admin) must pass
// a second factor before the session counts as signed in, and such a session is short: it ends after
// 30 minutes without a request and 12 hours after sign-in. Privilege is read at every validation, so a
// role granted to someone already signed in tightens their session at once.

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** A session used within this much of its expiry is extended to a full lifetime again. */
const RENEW_WITHIN_MS = 15 * DAY_MS;
export const PRIVILEGED_IDLE_MS = 30 * MINUTE_MS;
export const PRIVILEGED_ABSOLUTE_MS = 12 * 60 * MINUTE_MS;
/** last_seen_at is written at most this often, so reading pages does not write on every request. */
const SEEN_RESOLUTION_MS = MINUTE_MS;

export type SessionUser = Pick<User, 'id' | 'email' | 'name'>;

/**
 * not-required: no second factor for this person; verified: passed it in this session; verify: must
 * enter a code before anything protected; enrol: must set up two-factor authentication first.
 */
export type TwoFactorState = 'not-required' | 'verified' | 'verify' | 'enrol';

export type SessionValidationResult =
	| { session: Session; user: SessionUser; twoFactor: TwoFactorState; privileged: boolean }
	| { session: null; user: null; twoFactor: null; privileged: false };

const NO_SESSION: SessionValidationResult = { session: null, user: null, twoFactor: null, privileged: false };

/** Whether the state lets the session act as signed in (as opposed to half-way through sign-in). */
export function isFullySignedIn(state: TwoFactorState | null): boolean {
	return state === 'not-required' || state === 'verified';
}

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/**
 * Whether a token from a cookie or a link could be one of ours. Anything else (a NUL byte, which
 * PostgreSQL refuses in text, or a megabyte of address) is no session and no token, before any query.
 */
export function isTokenShaped(token: string): boolean {
	return /^[\x21-\x7e]{1,200}$/.test(token);
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function isPrivileged(db: Db, userId: number): Promise<boolean> {
	const { rows } = await sql<{
		privileged: boolean;
	}>`select app_user_is_privileged(${userId}) as privileged`.execute(db);
	return rows[0]?.privileged ?? false;
}

function strictExpiry(createdAt: Date, now: number): Date {
	return new Date(Math.min(createdAt.getTime() + PRIVILEGED_ABSOLUTE_MS, now + PRIVILEGED_IDLE_MS));
}

export async function createSession(
	db: Db,
	token: string,
	userId: number,
	{ twoFactorVerified = false }: { twoFactorVerified?: boolean } = {}
): Promise<Session> {
	const now = Date.now();
	const expires = (await isPrivileged(db, userId))
		? strictExpiry(new Date(now), now)
		: new Date(now + SESSION_LIFETIME_MS);
	return db
		.insertInto('session')
		.values({
			id: sessionIdFromToken(token),
			user_id: userId,
			expires_at: expires,
			two_factor_verified_at: twoFactorVerified ? new Date(now) : null
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function validateSessionToken(db: Db, token: string): Promise<SessionValidationResult> {
	if (!isTokenShaped(token)) return NO_SESSION;
	// Through the database's function for it (migration 0030): app_user is not readable before the
	// request has stated who is asking, and the session's person is what tells.
	const { rows } = await sql<
		Session & Pick<User, 'email' | 'name'> & { totp_enabled: boolean; privileged: boolean }
	>`select * from app_session_user(${token})`.execute(db);
	const row = rows[0];
	if (!row) return NO_SESSION;

	const { email, name, totp_enabled, privileged, ...session } = row;
	const twoFactor: TwoFactorState = totp_enabled
		? session.two_factor_verified_at
			? 'verified'
			: 'verify'
		: privileged
			? 'enrol'
			: 'not-required';
	// Half-way through sign-in counts as privileged too: it must not linger for 30 days.
	const strict = privileged || !isFullySignedIn(twoFactor);
	const now = Date.now();

	const deadline = strict
		? Math.min(
				session.expires_at.getTime(),
				session.created_at.getTime() + PRIVILEGED_ABSOLUTE_MS,
				session.last_seen_at.getTime() + PRIVILEGED_IDLE_MS
			)
		: session.expires_at.getTime();
	if (now >= deadline) {
		await invalidateSession(db, session.id);
		return NO_SESSION;
	}

	if (strict) {
		if (now - session.last_seen_at.getTime() >= SEEN_RESOLUTION_MS || session.expires_at.getTime() > deadline) {
			session.last_seen_at = new Date(now);
			session.expires_at = strictExpiry(session.created_at, now);
			await db
				.updateTable('session')
				.set({ last_seen_at: session.last_seen_at, expires_at: session.expires_at })
				.where('id', '=', session.id)
				.execute();
		}
	} else if (now >= session.expires_at.getTime() - RENEW_WITHIN_MS) {
		session.expires_at = new Date(now + SESSION_LIFETIME_MS);
		session.last_seen_at = new Date(now);
		await db
			.updateTable('session')
			.set({ expires_at: session.expires_at, last_seen_at: session.last_seen_at })
			.where('id', '=', session.id)
			.execute();
	}
	return { session, user: { id: session.user_id, email, name }, twoFactor, privileged };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

/** Ends every session of a person (password change, role removal, "log out everywhere"), or all but one. */
export async function invalidateUserSessions(
	db: Db,
	userId: number,
	{ except }: { except?: string } = {}
): Promise<void> {
	let query = db.deleteFrom('session').where('user_id', '=', userId);
	if (except) query = query.where('id', '!=', except);
	await query.execute();
}
