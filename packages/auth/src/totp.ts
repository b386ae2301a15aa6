import { randomBytes } from 'node:crypto';
import { createTOTPKeyURI, generateHOTP, verifyHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { asUser, type Db } from '@regionportalen/db/client';
import { seal, unseal } from '@regionportalen/db/seal';
import { generateRecoveryCodes } from './recovery-codes.ts';

// Two-factor authentication with TOTP (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits, what every
// authenticator app speaks), following lucia-auth.com's guidance, and one-time recovery codes.
//
// The TOTP key is sealed (AES-256-GCM, @regionportalen/db/seal) before it reaches the database, so a
// copy of the database (a backup, a replica) alone does not let anyone produce codes. Recovery
// codes are in recovery-codes.ts. A person's own row is reached as them (asUser): RLS guards it.

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const ISSUER = 'Regionportalen';
/** Codes from one step before and after are accepted too, for clocks a little off. */
const DRIFT_STEPS = 1;

/** A TOTP key as stored: sealed (see @regionportalen/db/seal). */
export const sealTotpKey: (key: Uint8Array, env?: NodeJS.ProcessEnv) => Buffer = seal;
export const openTotpKey: (sealed: Uint8Array, env?: NodeJS.ProcessEnv) => Uint8Array = unseal;

export function generateTotpKey(): Uint8Array {
	return new Uint8Array(randomBytes(20));
}

/** The key as people type it into an authenticator app: base32, in groups of four. */
export function formatTotpKey(key: Uint8Array): string {
	return encodeBase32UpperCaseNoPadding(key).replace(/(.{4})(?=.)/g, '$1 ');
}

export function parseTotpKey(text: string): Uint8Array | null {
	const clean = text.replace(/\s+/g, '').toUpperCase();
	if (!/^[A-Z2-7]{32}$/.test(clean)) return null;
	return decodeBase32IgnorePadding(clean);
}

export function totpKeyUri(accountName: string, key: Uint8Array): string {
	return createTOTPKeyURI(ISSUER, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

export function totpStep(atMs = Date.now()): number {
	return Math.floor(atMs / (TOTP_PERIOD_SECONDS * 1000));
}

/** The code for a time step: what an authenticator shows (used by the e2e sign-in and tests). */
export function totpCode(key: Uint8Array, step = totpStep()): string {
	return generateHOTP(key, BigInt(step), TOTP_DIGITS);
}

/** The time step the code belongs to, within the allowed drift, or null. */
export function matchTotpStep(key: Uint8Array, code: string, atMs = Date.now()): number | null {
	const clean = code.replace(/\s+/g, '');
	if (!/^\d{6}$/.test(clean)) return null;
	const now = totpStep(atMs);
	for (let step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
		if (verifyHOTP(key, BigInt(step), TOTP_DIGITS, clean)) return step;
	}
	return null;
}

export type TotpResult = 'ok' | 'wrong' | 'replayed';

/**
 * Checks a person's code and spends it: the step is recorded in the same statement that checks it is
 * newer than the last one accepted, so a code (or an older one) is refused the second time, even when
 * two requests race.
 */
export function verifyUserTotp(db: Db, userId: number, code: string): Promise<TotpResult> {
	return asUser(db, userId, async (db) => {
		const user = await db.selectFrom('app_user').select(['totp_secret']).where('id', '=', userId).executeTakeFirst();
		if (!user?.totp_secret) return 'wrong';
		const step = matchTotpStep(openTotpKey(user.totp_secret), code);
		if (step === null) return 'wrong';
		const spent = await db
			.updateTable('app_user')
			.set({ totp_last_step: String(step) })
			.where('id', '=', userId)
			.where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
			.executeTakeFirst();
		return spent.numUpdatedRows > 0n ? 'ok' : 'replayed';
	});
}

/**
 * Turns on (or replaces) a person's TOTP once they prove their app shows the right code for the new
 * key. Returns fresh recovery codes (shown once), or null for a wrong code. Old recovery codes end.
 */
export async function enableTotp(db: Db, userId: number, key: Uint8Array, code: string): Promise<string[] | null> {
	const step = matchTotpStep(key, code);
	if (step === null) return null;
	return asUser(db, userId, async (trx) => {
		await trx
			.updateTable('app_user')
			.set({ totp_secret: sealTotpKey(key), totp_enabled_at: new Date(), totp_last_step: String(step) })
			.where('id', '=', userId)
			.execute();
		return generateRecoveryCodes(trx, userId);
	});
}

/** Turns TOTP off (only for people whose roles do not require it; the caller checks). */
export async function disableTotp(db: Db, userId: number): Promise<void> {
	await asUser(db, userId, async (trx) => {
		await trx
			.updateTable('app_user')
			.set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
			.where('id', '=', userId)
			.execute();
		await trx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
	});
}
