import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import { authenticate, hashPassword, verifyPassword } from '../src/password.ts';

const passwordHash = await hashPassword('rätt-lösenord-123');
const { db, owner } = await createTestDatabase();
await seedFixtures(owner, passwordHash);

describe('passwords', () => {
	it('hashes with argon2id at OWASP’s minimum cost or more', () => {
		expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
	});

	it('verifies the right password only', async () => {
		expect(await verifyPassword(passwordHash, 'rätt-lösenord-123')).toBe(true);
		expect(await verifyPassword(passwordHash, 'fel-lösenord-123')).toBe(false);
	});

	it('authenticates by e-mail in any case, and says nothing about unknown accounts', async () => {
		expect(await authenticate(db, ' EditorA@Test.Example ', 'rätt-lösenord-123')).toMatchObject({
			email: 'editora@test.example'
		});
		expect(await authenticate(db, 'editora@test.example', 'fel')).toBeNull();
		expect(await authenticate(db, 'finns.inte@test.example', 'rätt-lösenord-123')).toBeNull();
	});
});

describe('the password policy', () => {
	it('wants 8 to 256 characters', async () => {
		const { passwordProblem } = await import('../src/password-policy.ts');
		expect(passwordProblem('kort-1')).toMatch(/minst 8 tecken/);
		expect(passwordProblem('x'.repeat(257))).toMatch(/högst 256/);
		expect(passwordProblem('ålänningarnas båtvarv 7')).toBeNull();
		expect(passwordProblem('ö'.repeat(8))).toBeNull();
	});

	it('refuses common passwords from the bundled list, Swedish ones too, in any case', async () => {
		const { passwordProblem } = await import('../src/password-policy.ts');
		for (const common of ['password', 'Password1', '12345678', 'sommar2024', 'Lösenord123', 'välkommen1', 'iloveyou']) {
			expect(passwordProblem(common), common).toMatch(/för vanligt/);
		}
	});

	it('refuses the e-mail address’s name', async () => {
		const { passwordProblem } = await import('../src/password-policy.ts');
		expect(passwordProblem('karin.ek-2026!', { email: 'karin.ek@example.se' })).toMatch(/e-postadress/);
	});
});
