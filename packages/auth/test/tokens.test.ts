import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import { sessionIdFromToken, validateSessionToken } from '../src/session.ts';
import {
	consumeAuthToken,
	consumeEmailToken,
	createAuthToken,
	findAuthToken,
	TOKEN_LIFETIME_MS
} from '../src/tokens.ts';

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);

describe('e-mailed tokens', () => {
	it('live 7 days for an invitation and 1 hour for a reset, stored only as a hash', async () => {
		expect(TOKEN_LIFETIME_MS.invite).toBe(7 * 24 * 3600 * 1000);
		expect(TOKEN_LIFETIME_MS.reset).toBe(3600 * 1000);
		const token = await createAuthToken(db, fx.users.editorA, 'reset');
		const row = await owner
			.selectFrom('auth_token')
			.selectAll()
			.where('user_id', '=', fx.users.editorA)
			.executeTakeFirstOrThrow();
		expect(row.id).toBe(sessionIdFromToken(token));
		expect(row.expires_at.getTime() - Date.now()).toBeGreaterThan(3500 * 1000);
		expect(row.expires_at.getTime() - Date.now()).toBeLessThanOrEqual(3600 * 1000);
	});

	it('work once, for their purpose only, and using one ends the person’s others', async () => {
		const user = fx.users.editorB;
		const first = await createAuthToken(db, user, 'reset');
		const second = await createAuthToken(db, user, 'reset');
		const invite = await createAuthToken(db, user, 'invite');
		expect(await findAuthToken(db, first, 'invite')).toBeNull();
		expect(await findAuthToken(db, first, 'reset')).toMatchObject({ userId: user });
		expect(await consumeAuthToken(db, first, 'reset')).toBe(user);
		expect(await consumeAuthToken(db, first, 'reset')).toBeNull();
		expect(await consumeAuthToken(db, second, 'reset')).toBeNull();
		expect(await findAuthToken(db, invite, 'invite')).toBeNull();
	});

	it('are refused once expired', async () => {
		const token = await createAuthToken(db, fx.users.adminA, 'reset');
		await owner
			.updateTable('auth_token')
			.set({ expires_at: new Date(Date.now() - 1000) })
			.where('id', '=', sessionIdFromToken(token))
			.execute();
		expect(await findAuthToken(db, token, 'reset')).toBeNull();
		expect(await consumeAuthToken(db, token, 'reset')).toBeNull();
	});

	it('carry the new address they confirm, for an e-mail change only (one day)', async () => {
		expect(TOKEN_LIFETIME_MS.email).toBe(24 * 3600 * 1000);
		const token = await createAuthToken(db, fx.users.coordinatorNorr, 'email', { email: 'ny.adress@test.example' });
		expect(await findAuthToken(db, token, 'email')).toMatchObject({
			userId: fx.users.coordinatorNorr,
			newEmail: 'ny.adress@test.example'
		});
		expect(await consumeAuthToken(db, token, 'reset')).toBeNull();
		expect(await consumeEmailToken(db, token)).toEqual({
			userId: fx.users.coordinatorNorr,
			email: 'ny.adress@test.example'
		});
		expect(await consumeEmailToken(db, token)).toBeNull();
		// The database holds the address to its purpose: none without it, and no other purpose with one.
		await expect(createAuthToken(db, fx.users.coordinatorNorr, 'email')).rejects.toThrow(
			/auth_token_email_only_for_email/
		);
		await expect(createAuthToken(db, fx.users.coordinatorNorr, 'reset', { email: 'x@test.example' })).rejects.toThrow(
			/auth_token_email_only_for_email/
		);
	});
});

describe('a token that cannot be ours', () => {
	it('is no token and no session, without asking the database', async () => {
		// PostgreSQL refuses a NUL byte in text: before this check, such a link was a 500.
		for (const bad of ['\u0000', 'a\u0000b', 'x'.repeat(201), '']) {
			expect(await findAuthToken(db, bad, 'reset')).toBeNull();
			expect((await validateSessionToken(db, bad)).session).toBeNull();
		}
	});
});
