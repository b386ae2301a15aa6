import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	PRIVILEGED_ABSOLUTE_MS,
	PRIVILEGED_IDLE_MS,
	SESSION_LIFETIME_MS,
	sessionIdFromToken,
	validateSessionToken
} from '../src/session.ts';
import { sessionCookieName } from '../src/cookie.ts';

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const userId = fx.users.editorA;

const NO_SESSION = { session: null, user: null, twoFactor: null, privileged: false };

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
		expect(result.twoFactor).toBe('not-required');
		expect(await validateSessionToken(db, generateSessionToken())).toEqual(NO_SESSION);
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

	it('ends one session, all of a person’s sessions, or all but the current one', async () => {
		const [t1, t2, t3] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		const s1 = await createSession(db, t1, userId);
		await createSession(db, t2, userId);
		const s3 = await createSession(db, t3, userId);
		await invalidateSession(db, s1.id);
		expect((await validateSessionToken(db, t1)).session).toBeNull();
		expect((await validateSessionToken(db, t2)).session).not.toBeNull();
		await invalidateUserSessions(db, userId, { except: s3.id });
		expect((await validateSessionToken(db, t2)).session).toBeNull();
		expect((await validateSessionToken(db, t3)).session).not.toBeNull();
		await invalidateUserSessions(db, userId);
		expect((await validateSessionToken(db, t3)).session).toBeNull();
	});
});

describe('privileged sessions', () => {
	const admin = fx.users.platformAdmin;

	it('need two-factor set-up, then a code, before they count as signed in', async () => {
		const token = generateSessionToken();
		await createSession(db, token, admin);
		expect(await validateSessionToken(db, token)).toMatchObject({ twoFactor: 'enrol', privileged: true });
		await owner.updateTable('app_user').set({ totp_enabled_at: new Date() }).where('id', '=', admin).execute();
		expect((await validateSessionToken(db, token)).twoFactor).toBe('verify');
		const verified = generateSessionToken();
		await createSession(db, verified, admin, { twoFactorVerified: true });
		expect((await validateSessionToken(db, verified)).twoFactor).toBe('verified');
		await owner.updateTable('app_user').set({ totp_enabled_at: null }).where('id', '=', admin).execute();
	});

	it('are short from the start and end after 30 idle minutes', async () => {
		const token = generateSessionToken();
		const session = await createSession(db, token, admin, { twoFactorVerified: true });
		expect(session.expires_at.getTime()).toBeLessThanOrEqual(Date.now() + PRIVILEGED_IDLE_MS);
		await db
			.updateTable('session')
			.set({ last_seen_at: new Date(Date.now() - PRIVILEGED_IDLE_MS - 1000) })
			.where('id', '=', session.id)
			.execute();
		expect((await validateSessionToken(db, token)).session).toBeNull();
	});

	it('end 12 hours after sign-in however busy they are', async () => {
		const token = generateSessionToken();
		const session = await createSession(db, token, admin, { twoFactorVerified: true });
		await owner
			.updateTable('session')
			.set({
				created_at: new Date(Date.now() - PRIVILEGED_ABSOLUTE_MS - 1000),
				last_seen_at: new Date(),
				expires_at: new Date(Date.now() + 60_000)
			} as never)
			.where('id', '=', session.id)
			.execute();
		expect((await validateSessionToken(db, token)).session).toBeNull();
	});

	it('tighten at once when a long session’s person is given a privileged role', async () => {
		const token = generateSessionToken();
		await createSession(db, token, fx.users.noRoles);
		expect((await validateSessionToken(db, token)).privileged).toBe(false);
		await owner.insertInto('membership').values({ user_id: fx.users.noRoles, role: 'platform_admin' }).execute();
		const result = await validateSessionToken(db, token);
		expect(result).toMatchObject({ privileged: true, twoFactor: 'enrol' });
		expect(result.session!.expires_at.getTime()).toBeLessThanOrEqual(Date.now() + PRIVILEGED_IDLE_MS);
		await owner.deleteFrom('membership').where('user_id', '=', fx.users.noRoles).execute();
	});
});

describe('the cookie', () => {
	it('is __Host- prefixed over https', () => {
		expect(sessionCookieName(true)).toBe('__Host-rp_session');
		expect(sessionCookieName(false)).toBe('rp_session');
	});
});
