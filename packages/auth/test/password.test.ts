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
