import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import {
	enableTotp,
	generateTotpKey,
	matchTotpStep,
	openTotpKey,
	parseTotpKey,
	formatTotpKey,
	sealTotpKey,
	totpCode,
	totpKeyUri,
	totpStep,
	verifyUserTotp
} from '../src/totp.ts';

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);

describe('TOTP', () => {
	it('matches RFC 6238’s test vector (SHA-1, 8 digits at T=59 ends in 94287082)', () => {
		// The RFC's key is the ASCII "12345678901234567890"; 6 digits are the last six of the 8-digit code.
		const key = new TextEncoder().encode('12345678901234567890');
		expect(totpCode(key, 1)).toBe('287082');
	});

	it('seals the key for the database and opens it again, and a tampered seal does not open', () => {
		const key = generateTotpKey();
		const sealed = sealTotpKey(key);
		expect(Buffer.from(sealed).includes(Buffer.from(key))).toBe(false);
		expect(openTotpKey(sealed)).toEqual(key);
		sealed[15] = sealed[15]! ^ 1;
		expect(() => openTotpKey(sealed)).toThrow();
		expect(() => sealTotpKey(key, { NODE_ENV: 'production' })).toThrow(/SEALING_KEY/);
	});

	it('shows the key as text and as an otpauth URI', () => {
		const key = generateTotpKey();
		expect(parseTotpKey(formatTotpKey(key))).toEqual(key);
		expect(totpKeyUri('a@b.se', key)).toMatch(/^otpauth:\/\/totp\/Regionportalen:a%40b\.se\?.*secret=[A-Z2-7]{32}/);
	});

	it('accepts a code from the step before or after, not further', () => {
		const key = generateTotpKey();
		const now = totpStep();
		expect(matchTotpStep(key, totpCode(key, now - 1))).toBe(now - 1);
		expect(matchTotpStep(key, totpCode(key, now + 1))).toBe(now + 1);
		expect(matchTotpStep(key, totpCode(key, now - 3))).toBeNull();
	});

	it('turns on with a right code, and a used code is refused when replayed', async () => {
		const key = generateTotpKey();
		const user = fx.users.editorA;
		expect(await enableTotp(db, user, key, totpCode(generateTotpKey()))).toBeNull();
		const step = totpStep();
		const codes = await enableTotp(db, user, key, totpCode(key, step - 1));
		expect(codes).toHaveLength(10);
		// The set-up code itself is spent.
		expect(await verifyUserTotp(db, user, totpCode(key, step - 1))).toBe('replayed');
		expect(await verifyUserTotp(db, user, totpCode(key, step))).toBe('ok');
		expect(await verifyUserTotp(db, user, totpCode(key, step))).toBe('replayed');
		// An older step than the last accepted one is refused too.
		expect(await verifyUserTotp(db, user, totpCode(key, step - 1))).toBe('replayed');
		expect(await verifyUserTotp(db, user, '123')).toBe('wrong');
		const stored = await owner
			.selectFrom('app_user')
			.select('totp_secret')
			.where('id', '=', user)
			.executeTakeFirstOrThrow();
		expect(Buffer.from(stored.totp_secret!).includes(Buffer.from(key))).toBe(false);
	});

	it('lets two racing requests spend the same code only once', async () => {
		const key = generateTotpKey();
		const user = fx.users.editorB;
		await enableTotp(db, user, key, totpCode(key, totpStep() - 1));
		const code = totpCode(key, totpStep());
		const results = await Promise.all([verifyUserTotp(db, user, code), verifyUserTotp(db, user, code)]);
		expect(results.sort()).toEqual(['ok', 'replayed']);
	});
});
