import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Session, User } from '@regionportalen/db';
import type { Db } from '@regionportalen/db/client';

// Sessions the Lucia way: a random token lives only in the cookie; the database keeps its SHA-256.

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** A session used within this much of its expiry is extended to a full lifetime again. */
const RENEW_WITHIN_MS = 15 * DAY_MS;

export type SessionUser = Pick<User, 'id' | 'email' | 'name'>;
export type SessionValidationResult = { session: Session; user: SessionUser } | { session: null; user: null };

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: Db, token: string, userId: number): Promise<Session> {
	return db
		.insertInto('session')
		.values({ id: sessionIdFromToken(token), user_id: userId, expires_at: new Date(Date.now() + SESSION_LIFETIME_MS) })
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function validateSessionToken(db: Db, token: string): Promise<SessionValidationResult> {
	const row = await db
		.selectFrom('session')
		.innerJoin('app_user', 'app_user.id', 'session.user_id')
		.select([
			'session.id',
			'session.user_id',
			'session.expires_at',
			'session.created_at',
			'app_user.email',
			'app_user.name'
		])
		.where('session.id', '=', sessionIdFromToken(token))
		.executeTakeFirst();
	if (!row) return { session: null, user: null };

	const { email, name, ...session } = row;
	const now = Date.now();
	if (now >= session.expires_at.getTime()) {
		await invalidateSession(db, session.id);
		return { session: null, user: null };
	}
	if (now >= session.expires_at.getTime() - RENEW_WITHIN_MS) {
		session.expires_at = new Date(now + SESSION_LIFETIME_MS);
		await db.updateTable('session').set({ expires_at: session.expires_at }).where('id', '=', session.id).execute();
	}
	return { session, user: { id: session.user_id, email, name } };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

export async function invalidateUserSessions(db: Db, userId: number): Promise<void> {
	await db.deleteFrom('session').where('user_id', '=', userId).execute();
}
