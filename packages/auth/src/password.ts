import { hash, verify, type Options } from '@node-rs/argon2';
import type { User } from '@regionportalen/db';
import { asUser, type Db } from '@regionportalen/db/client';
import { sql } from 'kysely';
import { rekeyLegacyRecoveryCodes } from './recovery-codes.ts';
import type { SessionUser } from './session.ts';

// argon2id with OWASP's minimum parameters (19 MiB, 2 iterations, 1 lane).
const ARGON2: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	return verify(passwordHash, password, ARGON2);
}

let dummyHash: Promise<string> | undefined;

/**
 * The person with this e-mail and password, or null. An unknown e-mail costs the same argon2
 * verification as a wrong password, so timing does not tell which accounts exist.
 */
export async function authenticate(db: Db, email: string, password: string): Promise<SessionUser | null> {
	const address = email.trim().toLowerCase();
	const { rows } = await sql<Pick<User, 'id' | 'name' | 'password_hash'>>`
		select id, name, password_hash from app_sign_in_lookup(${address})`.execute(db);
	const user = rows[0];
	if (!user?.password_hash) {
		dummyHash ??= hashPassword('not-a-real-password');
		await verifyPassword(await dummyHash, password);
		return null;
	}
	if (!(await verifyPassword(user.password_hash, password))) return null;
	await rekeyLegacyRecoveryCodes(db, user.id);
	return { id: user.id, email: address, name: user.name };
}

/** Whether the password is this person's (re-authentication before a sensitive change). */
export async function checkUserPassword(db: Db, userId: number, password: string): Promise<boolean> {
	const user = await asUser(db, userId, (trx) =>
		trx.selectFrom('app_user').select('password_hash').where('id', '=', userId).executeTakeFirst()
	);
	if (!user?.password_hash) return false;
	return verifyPassword(user.password_hash, password);
}

/**
 * Sets a new password and ends every session of the person: whoever knew the old one is out. The
 * caller has checked the policy (passwordProblem) and, for a change, the current password.
 */
export async function setUserPassword(db: Db, userId: number, password: string): Promise<void> {
	const passwordHash = await hashPassword(password);
	await asUser(db, userId, async (trx) => {
		await trx
			.updateTable('app_user')
			.set({ password_hash: passwordHash, password_changed_at: new Date() })
			.where('id', '=', userId)
			.execute();
		await trx.deleteFrom('session').where('user_id', '=', userId).execute();
	});
}
