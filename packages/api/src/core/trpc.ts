import { initTRPC, TRPCError } from '@trpc/server';
import type { Membership } from '@regionportalen/db';
import type { Db } from '@regionportalen/db/client';
import type { RateLimitedError, SessionUser } from '@regionportalen/auth';
import type { SiteFactsCache } from './site-facts.ts';
import { sql } from 'kysely';
import { requiresTwoFactor } from './access.ts';
import { callerError, publicErrorData, publicErrorMessage } from './error-shape.ts';
import { transformer } from './transformer.ts';
import './zod-sv.ts';

/*
 * 1. CONTEXT
 * Built by the host app (a SvelteKit hook, a test) from the request's session and the db; this
 * package never imports the web framework.
 */
export interface Context {
	db: Db;
	user: SessionUser | null;
	/** A server's cache of the registered sites' facts; without one, every lookup reads the database. */
	siteFacts?: SiteFactsCache;
	/**
	 * The signed-in person's session: whether it passed a second factor. A person with a privileged
	 * role whose session has not gets nothing that depends on their memberships.
	 */
	session: { id: string; twoFactorVerified: boolean } | null;
	/** The public origin of the site serving the request: links in e-mails point there. */
	origin?: string;
	/** The client's network address, for the procedures a visitor may call that are limited per client. */
	clientAddress?: string;
}

export function createContext(ctx: Context): Context {
	return ctx;
}

/*
 * 2. INITIALISATION
 * Every procedure declares who may call it in its meta (`access`); a test enumerates the router
 * and fails on a procedure without one.
 */
export type Access = 'public' | 'signed-in' | 'role-checked';
export interface Meta {
	access: Access;
}

const t = initTRPC
	.context<Context>()
	.meta<Meta>()
	.create({
		transformer,
		// Over HTTP, an error tells one Swedish sentence and the refused fields; never a stack.
		errorFormatter({ shape, error }) {
			return { ...shape, message: publicErrorMessage(error), data: publicErrorData(error, shape.data) };
		}
	});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/*
 * 3. THE TENANT TRANSACTION
 * Every procedure runs in one transaction that first tells PostgreSQL who is asking
 * (set_config(…, true): transaction-local, so a pooled connection never carries it to the next
 * request). Row-level security then holds even where a check in this code is missing. A procedure
 * that fails rolls back, so writes that belong together are never half-done. A visitor's query runs
 * without one (see below).
 */
const ROLLBACK = Symbol('rollback');

/** Who the caller is to the rules: their memberships, or none while their second factor is pending. */
export interface Caller {
	memberships: Membership[];
	/** Signed in with a password, but a privileged role still waits for the second factor. */
	twoFactorPending: boolean;
}

const VISITOR: Caller = { memberships: [], twoFactorPending: false };

/**
 * States who is asking, to the database and to the procedure. A privileged person whose session has
 * not passed the second factor is nobody to both: no memberships, and app.user_id cleared again, so
 * no procedure (public ones included) and no policy can see more than a visitor's share.
 */
async function identify(ctx: Context, db: Db): Promise<Caller> {
	if (!ctx.user) return VISITOR;
	await sql`select set_config('app.user_id', ${String(ctx.user.id)}, true)`.execute(db);
	const memberships = await db.selectFrom('membership').selectAll().where('user_id', '=', ctx.user.id).execute();
	if (requiresTwoFactor(memberships) && !ctx.session?.twoFactorVerified) {
		await sql`select set_config('app.user_id', '', true)`.execute(db);
		return { memberships: [], twoFactorPending: true };
	}
	return { memberships, twoFactorPending: false };
}

const tenantTransaction = t.middleware(async ({ ctx, type, next }) => {
	// A visitor's read needs none of it: app.user_id is only ever set transaction-locally, so outside
	// a transaction it is unset, which RLS reads as "visitor" — the same rights as a visitor's
	// transaction, without its three extra round trips (BEGIN, set_config, COMMIT) per procedure.
	// Writes, and everything a signed-in person does, keep the transaction.
	if (!ctx.user && type === 'query') return next({ ctx: VISITOR });
	let result: Awaited<ReturnType<typeof next>> | undefined;
	try {
		await ctx.db.transaction().execute(async (trx) => {
			const caller = await identify(ctx, trx);
			result = await next({ ctx: { db: trx, ...caller } });
			if (!result.ok) throw ROLLBACK;
		});
	} catch (error) {
		if (error !== ROLLBACK) throw error;
	}
	return result!;
});

/*
 * 4. PROCEDURES
 * public: anyone; the context carries the caller's `memberships` (none for a visitor). signed-in: any
 * signed-in person; the context gains `user`. role-checked: signed-in with any second factor done, and
 * the body must call an `assert…` from access.ts for the förbund or region the data belongs to before
 * it reads or writes anything protected.
 */
/** Outermost: what any procedure's caller sees of a refusal (see error-shape.ts), after the rollback. */
const callerErrors = t.middleware(async ({ next }) => {
	const result = await next();
	if (!result.ok) throw callerError(result.error);
	return result;
});

const procedure = t.procedure.use(callerErrors).use(tenantTransaction);

export const publicProcedure = procedure.meta({ access: 'public' });

const signedIn = t.middleware(({ ctx, next }) => {
	if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Du måste logga in.' });
	return next({ ctx: { user: ctx.user } });
});

const twoFactorGate = t.middleware(({ ctx, next }) => {
	if ((ctx as Partial<Caller>).twoFactorPending) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message: 'Logga in med tvåstegsverifiering för att komma åt det här.'
		});
	}
	return next();
});

export const signedInProcedure = procedure.meta({ access: 'signed-in' }).use(signedIn);
export const roleCheckedProcedure = procedure.meta({ access: 'role-checked' }).use(signedIn).use(twoFactorGate);

export type CallerContext = Context & Caller;
export type SignedInContext = CallerContext & { user: SessionUser };

/** The API's refusal for a throttled caller: 429, with Retry-After over HTTP (see http.ts). */
export function tooManyRequests(error: RateLimitedError): TRPCError {
	return new TRPCError({ code: 'TOO_MANY_REQUESTS', message: error.message, cause: error });
}
