import { createDb, databaseUrlFromEnv } from './client.ts';
import { migrateToLatest } from './migrate.ts';

// `pnpm db migrate`: migrate the database at DATABASE_URL (for deployments; the dev start command
// migrates by itself).

const command = process.argv[2];
if (command !== 'migrate') {
	console.error('usage: pnpm db migrate   (uses DATABASE_URL)');
	process.exit(2);
}
const url = databaseUrlFromEnv();
const db = createDb({ connectionString: url, max: 1 });
try {
	const { results = [] } = await migrateToLatest(db, url);
	for (const r of results) console.log(`${r.status === 'Success' ? 'applied' : r.status}: ${r.migrationName}`);
	if (results.length === 0) console.log('already up to date');
} finally {
	await db.destroy();
}
