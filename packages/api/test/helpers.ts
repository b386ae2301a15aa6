import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { createCaller } from '../src/index.ts';
import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';

/** The site the test callers act on: links in mails point here. */
export const TEST_ORIGIN = 'http://portal.test.example';

/** Callers as each fixture person, and as an anonymous visitor. */
export function callersFor(db: Db, fx: Fixtures) {
	const as = (id: number | null) =>
		createCaller({
			db,
			user: id === null ? null : { id, email: `u${id}@test.example`, name: `u${id}` },
			// Signed in all the way: past the second factor where the roles require one.
			session: id === null ? null : { id: `test-session-${id}`, twoFactorVerified: true },
			origin: TEST_ORIGIN
		});
	return {
		anonymous: as(null),
		editorA: as(fx.users.editorA),
		editorB: as(fx.users.editorB),
		adminA: as(fx.users.adminA),
		coordinatorNorr: as(fx.users.coordinatorNorr),
		platformAdmin: as(fx.users.platformAdmin),
		noRoles: as(fx.users.noRoles)
	};
}

/** A snapshot of every news row, to prove a refused call changed nothing. */
export function snapshotNews(db: Db) {
	return db.selectFrom('news').selectAll().orderBy('id').execute();
}

/** The TRPCError a call failed with (failing the test if it succeeded), checked against `code` if given. */
export async function expectTrpcError(promise: Promise<unknown>, code?: TRPCError['code']): Promise<TRPCError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(TRPCError);
	if (code) expect((error as TRPCError).code).toBe(code);
	return error as TRPCError;
}
