import { createDb, databaseUrlFromEnv, type Db } from '@regionportalen/db/client';

let db: Db | undefined;

/** One pool per server process, opened on first use. */
export function getDb(): Db {
	db ??= createDb({ connectionString: databaseUrlFromEnv() });
	return db;
}
