import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	SESSION_LIFETIME_MS,
	sessionIdFromToken,
	validateSessionToken
} from '../src/session.ts';

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const userId = fx.users.editorA;

describe('sessions', () => {
	it('stores only the SHA-256 of the token and finds the user by the token', async () => {
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const session = await createSession(db, token, userId);
		expect(session.id).toBe(sessionIdFromToken(token));
		expect(session.id).not.toContain(token);
		const stored = await db.selectFrom('session').selectAll().where('user_id', '=', userId).execute();
		expect(stored.some((s) => s.id === token)).toBe(false);

		const result = await validateSessionToken(db, token);
		expect(result.user?.id).toBe(userId);
		expect(await validateSessionToken(db, generateSessionToken())).toEqual({ session: null, user: null });
	});

	it('deletes an expired session when it is presented', async () => {
		const token = generateSessionToken();
		const session = await createSession(db, token, userId);
		await db
			.updateTable('session')
			.set({ expires_at: new Date(Date.now() - 1000) })
			.where('id', '=', session.id)
			.execute();
		expect((await validateSessionToken(db, token)).session).toBeNull();
		expect(await db.selectFrom('session').where('id', '=', session.id).execute()).toHaveLength(0);
	});

	it('slides the expiry forward when a session is used in its second half', async () => {
		const token = generateSessionToken();
		const session = await createSession(db, token, userId);
		const soon = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
		await db.updateTable('session').set({ expires_at: soon }).where('id', '=', session.id).execute();
		const { session: renewed } = await validateSessionToken(db, token);
		expect(renewed!.expires_at.getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME_MS - 60_000);
	});

	it('ends one session, or all of a person’s sessions', async () => {
		const [t1, t2] = [generateSessionToken(), generateSessionToken()];
		const s1 = await createSession(db, t1, userId);
		await createSession(db, t2, userId);
		await invalidateSession(db, s1.id);
		expect((await validateSessionToken(db, t1)).session).toBeNull();
		expect((await validateSessionToken(db, t2)).session).not.toBeNull();
		await invalidateUserSessions(db, userId);
		expect((await validateSessionToken(db, t2)).session).toBeNull();
	});
});
