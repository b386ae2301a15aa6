import type { Kysely } from 'kysely';
import { Migrator, type MigrationResultSet } from 'kysely/migration';
import { installJobQueue } from './job-queue.ts';
import { migrations } from './migrations/index.ts';
import { syncRoleDefinitions } from './roles.ts';

/**
 * Brings the database at `connectionString` (reached through `db`, as its owner) to the latest
 * schema: the portal's migrations, then the job queue's (job-queue.ts).
 */
export async function migrateToLatest(db: Kysely<any>, connectionString: string): Promise<MigrationResultSet> {
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
	const result = await migrator.migrateToLatest();
	if (result.error) throw result.error;
	// Reference data the rules read: kept equal to the code's list whether or not a migration ran.
	await syncRoleDefinitions(db);
	await installJobQueue(connectionString);
	return result;
}
