import { createHash, createHmac, randomBytes } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { inTransaction, type Db } from '@regionportalen/db/client';
import { serverKey } from '@regionportalen/db/seal';
import { sql } from 'kysely';

// One-time recovery codes for two-factor sign-in. A code has 50 random bits: too few to be safe as
// a plain hash, which a copy of the database lets anyone test offline. So the database keeps
// HMAC-SHA-256 under RECOVERY_CODE_KEY, a secret of the servers, of the code's SHA-256.
//
// A key of its own rather than one derived from SEALING_KEY: that one may be rotated (re-sealing
// what it sealed), and these hashes cannot be re-computed without the codes.
//
// Codes stored before were the SHA-256 alone (keyed = false). Keying that hash needs no code, so
// the servers re-key a person's old codes in place when they next sign in with their password or
// use a code: the codes on their paper keep working, and an old one used before that works once,
// like any code.

const RECOVERY_CODE_COUNT = 10;

// Development and tests only: production refuses to start keying without a key of its own.
const DEVELOPMENT_KEY = createHash('sha256')
	.update('regionportalen development recovery code key, not secret')
	.digest();
/** The development key as RECOVERY_CODE_KEY would carry it: the demo portal hands it to its processes. */
export const DEVELOPMENT_RECOVERY_CODE_KEY = DEVELOPMENT_KEY.toString('hex');

function recoveryCodeKey(env: NodeJS.ProcessEnv = process.env): Buffer {
	return serverKey('RECOVERY_CODE_KEY', env.RECOVERY_CODE_KEY, DEVELOPMENT_KEY, env);
}

/** The hash stored before codes were keyed: SHA-256 of the code as typed, without dashes or spaces. */
export function legacyRecoveryCodeHash(code: string): string {
	return createHash('sha256')
		.update(code.replace(/[\s-]+/g, '').toLowerCase())
		.digest('hex');
}

function keyLegacyHash(legacyHash: string, env?: NodeJS.ProcessEnv): string {
	return createHmac('sha256', recoveryCodeKey(env)).update(legacyHash).digest('hex');
}

/** What the database keeps of a code. */
export function recoveryCodeHash(code: string, env?: NodeJS.ProcessEnv): string {
	return keyLegacyHash(legacyRecoveryCodeHash(code), env);
}

/** Replaces a person's recovery codes with ten new ones, returned once in readable form. */
export async function generateRecoveryCodes(db: Db, userId: number, env?: NodeJS.ProcessEnv): Promise<string[]> {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
		const raw = encodeBase32LowerCaseNoPadding(randomBytes(7)).slice(0, 10);
		return `${raw.slice(0, 5)}-${raw.slice(5)}`;
	});
	await inTransaction(db, async (trx) => {
		await trx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
		await trx
			.insertInto('recovery_code')
			.values(codes.map((code) => ({ user_id: userId, code_hash: recoveryCodeHash(code, env), keyed: true })))
			.execute();
	});
	return codes;
}

/** Keys the person's codes still stored as plain SHA-256; how many there were. */
export async function rekeyLegacyRecoveryCodes(db: Db, userId: number, env?: NodeJS.ProcessEnv): Promise<number> {
	return inTransaction(db, async (trx) => {
		const legacy = await trx
			.selectFrom('recovery_code')
			.select(['id', 'code_hash'])
			.where('user_id', '=', userId)
			.where('keyed', '=', false)
			.forUpdate()
			.execute();
		for (const { id, code_hash } of legacy) {
			await trx
				.updateTable('recovery_code')
				.set({ code_hash: keyLegacyHash(code_hash, env), keyed: true })
				.where('id', '=', id)
				.execute();
		}
		return legacy.length;
	});
}

/** Spends one recovery code; true if it was the person's and unused. The person's old codes are keyed then too. */
export async function useRecoveryCode(db: Db, userId: number, code: string, env?: NodeJS.ProcessEnv): Promise<boolean> {
	return inTransaction(db, async (trx) => {
		const legacy = legacyRecoveryCodeHash(code);
		const used = await trx
			.updateTable('recovery_code')
			.set({ used_at: sql`now()` })
			.where('user_id', '=', userId)
			.where('used_at', 'is', null)
			.where((eb) =>
				eb.or([
					eb.and([eb('keyed', '=', true), eb('code_hash', '=', keyLegacyHash(legacy, env))]),
					eb.and([eb('keyed', '=', false), eb('code_hash', '=', legacy)])
				])
			)
			.executeTakeFirst();
		await rekeyLegacyRecoveryCodes(trx, userId, env);
		return used.numUpdatedRows > 0n;
	});
}

export async function remainingRecoveryCodes(db: Db, userId: number): Promise<number> {
	const { count } = await db
		.selectFrom('recovery_code')
		.select((eb) => eb.fn.countAll<string>().as('count'))
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(count);
}
