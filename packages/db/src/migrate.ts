import type { Kysely } from 'kysely';
import { Migrator, type MigrationResultSet } from 'kysely/migration';
import { migrations } from './migrations/index.ts';
import { syncRoleDefinitions } from './roles.ts';

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
	const result = await migrator.migrateToLatest();
	if (result.error) throw result.error;
	// Reference data the rules read: kept equal to the code's list whether or not a migration ran.
	await syncRoleDefinitions(db);
	return result;
}
