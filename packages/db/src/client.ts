import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface DbOptions {
	connectionString: string;
	/** Pool size; the default suits one app instance on a small machine. */
	max?: number;
}

export function createDb({ connectionString, max = 10 }: DbOptions): Db {
	const pool = new pg.Pool({ connectionString, max });
	// An idle connection that the server drops (a restart, a failover, pg_terminate_backend) is
	// reported here; without a listener Node would treat it as unhandled and stop the whole server.
	// The pool discards the client itself and opens a new one when next needed.
	pool.on('error', (error) => console.warn(`PostgreSQL dropped an idle connection: ${error.message}`));
	return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** DATABASE_URL, the one setting every server process needs. */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
	const url = env.DATABASE_URL;
	if (!url) {
		throw new Error('DATABASE_URL is not set. Start the portal with `pnpm start` or set DATABASE_URL.');
	}
	return url;
}
