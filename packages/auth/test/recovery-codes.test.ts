import { createHash, randomBytes } from 'node:crypto';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import { authenticate, hashPassword } from '../src/password.ts';
import {
	generateRecoveryCodes,
	rekeyLegacyRecoveryCodes,
	remainingRecoveryCodes,
	useRecoveryCode
} from '../src/recovery-codes.ts';

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** A code as the person has it on paper, and the plain SHA-256 the database held before 0030. */
const bare = (code: string) => code.replace('-', '');

async function storedCodes(userId: number) {
	return owner
		.selectFrom('recovery_code')
		.select(['code_hash', 'keyed', 'used_at'])
		.where('user_id', '=', userId)
		.orderBy('id')
		.execute();
}

/** Codes as an earlier version stored them: plain SHA-256, keyed = false (written as the owner). */
async function storeLegacyCodes(userId: number, codes: string[]) {
	await owner.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
	await owner
		.insertInto('recovery_code')
		.values(codes.map((code) => ({ user_id: userId, code_hash: sha256(bare(code)), keyed: false })))
		.execute();
}

describe('recovery codes', () => {
	it('work once each, and end when new ones are made', async () => {
		const user = fx.users.adminA;
		const codes = await generateRecoveryCodes(db, user);
		expect(new Set(codes).size).toBe(10);
		expect(await useRecoveryCode(db, user, codes[0]!.toUpperCase())).toBe(true);
		expect(await useRecoveryCode(db, user, codes[0]!)).toBe(false);
		expect(await remainingRecoveryCodes(db, user)).toBe(9);
		expect(await useRecoveryCode(db, fx.users.editorA, codes[1]!)).toBe(false);
		await generateRecoveryCodes(db, user);
		expect(await useRecoveryCode(db, user, codes[1]!)).toBe(false);
	});

	it('are keyed: a copy of the database alone matches no code, plain or hashed', async () => {
		const user = fx.users.platformAdmin;
		const codes = await generateRecoveryCodes(db, user);
		const stored = await storedCodes(user);
		expect(stored.every((s) => s.keyed)).toBe(true);
		const hashes = new Set(stored.map((s) => s.code_hash));
		for (const code of codes) {
			expect(hashes.has(code)).toBe(false);
			expect(hashes.has(sha256(code))).toBe(false);
			expect(hashes.has(sha256(bare(code)))).toBe(false);
		}
	});

	it('are refused under another RECOVERY_CODE_KEY, and the key is required in production', async () => {
		const user = fx.users.editorB;
		const codes = await generateRecoveryCodes(db, user);
		const otherKey = { RECOVERY_CODE_KEY: randomBytes(32).toString('hex') };
		expect(await useRecoveryCode(db, user, codes[0]!, otherKey)).toBe(false);
		expect(await remainingRecoveryCodes(db, user)).toBe(10);
		expect(await useRecoveryCode(db, user, codes[0]!)).toBe(true);
		await expect(useRecoveryCode(db, user, codes[1]!, { NODE_ENV: 'production' })).rejects.toThrow(/RECOVERY_CODE_KEY/);
		await expect(generateRecoveryCodes(db, user, { RECOVERY_CODE_KEY: 'too-short' })).rejects.toThrow(/32 bytes/);
	});

	it('stored as plain SHA-256 before: an old code works once, and the others are keyed then and keep working', async () => {
		const user = fx.users.coordinatorNorr;
		const codes = ['abcde-fghij', 'klmno-pqrst', '23456-7uvwx'];
		await storeLegacyCodes(user, codes);

		expect(await useRecoveryCode(db, user, codes[0]!)).toBe(true);
		expect(await useRecoveryCode(db, user, codes[0]!)).toBe(false);
		const stored = await storedCodes(user);
		expect(stored.map((s) => s.keyed)).toEqual([true, true, true]);
		const plain = new Set(codes.map((c) => sha256(bare(c))));
		expect(stored.filter((s) => plain.has(s.code_hash))).toEqual([]);
		expect(await useRecoveryCode(db, user, codes[1]!)).toBe(true);
		expect(await remainingRecoveryCodes(db, user)).toBe(1);
	});

	it('stored as plain SHA-256 before: the next password sign-in keys them, and they keep working', async () => {
		const user = fx.users.noRoles;
		const codes = ['qwert-yuiop', 'asdfg-hjklz'];
		await storeLegacyCodes(user, codes);
		await owner
			.updateTable('app_user')
			.set({ password_hash: await hashPassword('ett långt lösenord 42') })
			.where('id', '=', user)
			.execute();
		const { email } = await owner
			.selectFrom('app_user')
			.select('email')
			.where('id', '=', user)
			.executeTakeFirstOrThrow();

		expect(await authenticate(db, email, 'fel lösenord')).toBeNull();
		expect((await storedCodes(user)).map((s) => s.keyed)).toEqual([false, false]);
		expect(await authenticate(db, email, 'ett långt lösenord 42')).toMatchObject({ id: user, email });
		expect((await storedCodes(user)).map((s) => s.keyed)).toEqual([true, true]);
		expect(await rekeyLegacyRecoveryCodes(db, user)).toBe(0);
		expect(await useRecoveryCode(db, user, codes[1]!)).toBe(true);
		expect(await useRecoveryCode(db, user, codes[0]!)).toBe(true);
	});
});
