import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { PreparedStatementPool } from './prepared.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

// A date column (no time, no zone) is read as its 'YYYY-MM-DD' text, as schema.ts types it: a JS
// Date would put it at midnight in the server's zone and shift it a day west of Greenwich.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export interface DbOptions {
	connectionString: string;
	/** Pool size; the default suits one app instance on a small machine. */
	max?: number;
	/**
	 * Send data statements as named prepared statements (prepared.ts). On by default; turn it off
	 * (DATABASE_PREPARED_STATEMENTS=off) behind a pooler that cannot keep them, such as PgBouncer in
	 * transaction mode before 1.21.
	 */
	prepare?: boolean;
}

export function createDb({ connectionString, max = 10, prepare = preparedStatementsFromEnv() }: DbOptions): Db {
	const pool = new pg.Pool({ connectionString, max });
	// An idle connection that the server drops (a restart, a failover, pg_terminate_backend) is
	// reported here; without a listener Node would treat it as unhandled and stop the whole server.
	// The pool discards the client itself and opens a new one when next needed.
	pool.on('error', (error) => console.warn(`PostgreSQL dropped an idle connection: ${error.message}`));
	// The pool listens only while a client is idle. One checked out (mid-transaction, between two
	// statements) whose server goes away emits 'error' on the client itself, which would stop the whole
	// server too (found by tests/faults). Its query fails on its own and the pool discards the broken
	// client on release, so a warning is all that is left to do.
	pool.on('connect', (client) =>
		client.on('error', (error) => console.warn(`PostgreSQL dropped a connection in use: ${error.message}`))
	);
	return new Kysely<Database>({
		dialect: new PostgresDialect({ pool: prepare ? new PreparedStatementPool(pool) : pool })
	});
}

function preparedStatementsFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
	return !/^(off|false|0|no)$/i.test(env.DATABASE_PREPARED_STATEMENTS ?? '');
}

/**
 * Runs `work` in the caller's transaction when `db` is one, else in a new one: writes that belong
 * together commit or roll back together however the function was called.
 */
export function inTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
	return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}

/**
 * Runs `work` in a transaction that states to the database that this person is asking: for their
 * own account outside the API's procedures (signing in, the account pages, a mailed link they hold),
 * so that row-level security lets them reach their own row and nobody else's.
 */
export function asUser<T>(db: Db, userId: number, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
	return inTransaction(db, async (trx) => {
		await sql`select set_config('app.user_id', ${String(userId)}, true)`.execute(trx);
		return work(trx);
	});
}

/** DATABASE_URL, the one setting every server process needs. */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
	const url = env.DATABASE_URL;
	if (!url) {
		throw new Error('DATABASE_URL is not set. Start the portal with `pnpm start` or set DATABASE_URL.');
	}
	return url;
}
