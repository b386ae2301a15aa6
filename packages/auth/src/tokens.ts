import type { AuthTokenPurpose, User } from '@regionportalen/db';
import type { Db } from '@regionportalen/db/client';
import { sql } from 'kysely';
import { generateSessionToken, isTokenShaped, sessionIdFromToken } from './session.ts';

// Single-use tokens sent by e-mail: an invitation (7 days), a password reset (1 hour) or a new
// e-mail address to confirm (1 day). Only the SHA-256 of a token is stored; using one ends every
// other token of that person.

export const TOKEN_LIFETIME_MS: Record<AuthTokenPurpose, number> = {
	invite: 7 * 24 * 60 * 60 * 1000,
	reset: 60 * 60 * 1000,
	email: 24 * 60 * 60 * 1000
};

export async function createAuthToken(
	db: Db,
	userId: number,
	purpose: AuthTokenPurpose,
	{ createdBy = null, email = null }: { createdBy?: number | null; email?: string | null } = {}
): Promise<string> {
	const token = generateSessionToken();
	await db
		.insertInto('auth_token')
		.values({
			id: sessionIdFromToken(token),
			user_id: userId,
			purpose,
			email,
			created_by: createdBy,
			expires_at: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose])
		})
		.execute();
	return token;
}

/** The person a live token belongs to, without spending it (to show the form it leads to). */
export async function findAuthToken(db: Db, token: string, purpose: AuthTokenPurpose) {
	if (!isTokenShaped(token)) return null;
	// Through the database's function for it (migration 0030): the link's visitor is nobody yet.
	const { rows } = await sql<
		Pick<User, 'email' | 'name'> & { userId: number; newEmail: string | null; expiresAt: Date }
	>`
		select user_id as "userId", email, name, new_email as "newEmail", expires_at as "expiresAt"
		from app_auth_token_user(${token}, ${purpose})`.execute(db);
	return rows[0] ?? null;
}

/**
 * Spends a token: returns its person's id, or null if it is unknown, used or expired. Deletes the
 * person's other tokens too. Call it in the transaction that makes the change the token allows.
 */
export async function consumeAuthToken(db: Db, token: string, purpose: AuthTokenPurpose): Promise<number | null> {
	return (await spendAuthToken(db, token, purpose))?.userId ?? null;
}

/** Spends an 'email' token: its person and the new address it confirms, or null. */
export async function consumeEmailToken(db: Db, token: string): Promise<{ userId: number; email: string } | null> {
	const spent = await spendAuthToken(db, token, 'email');
	return spent?.email ? { userId: spent.userId, email: spent.email } : null;
}

async function spendAuthToken(db: Db, token: string, purpose: AuthTokenPurpose) {
	const row = await db
		.deleteFrom('auth_token')
		.where('id', '=', sessionIdFromToken(token))
		.where('purpose', '=', purpose)
		.returning(['user_id', 'email', 'expires_at'])
		.executeTakeFirst();
	if (!row) return null;
	await db.deleteFrom('auth_token').where('user_id', '=', row.user_id).execute();
	return row.expires_at.getTime() > Date.now() ? { userId: row.user_id, email: row.email } : null;
}
