import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createDb, type Db } from '../client.ts';
import { TEMPLATE_DATABASE } from './names.ts';

export interface TestDatabase {
	db: Db;
	url: string;
}

/**
 * A fresh, migrated database of this test file's own, cloned from the run's template and dropped
 * after the file. Call it at the top level of a test file.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
	const serverUrl = inject('testServerUrl');
	const name = `rp_test_${randomBytes(6).toString('hex')}`;
	await adminQuery(serverUrl, `create database ${name} template ${TEMPLATE_DATABASE}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const db = createDb({ connectionString: url.toString(), max: 4 });
	afterAll(async () => {
		await db.destroy();
		await adminQuery(serverUrl, `drop database ${name} with (force)`);
	});
	return { db, url: url.toString() };
}

async function adminQuery(serverUrl: string, query: string) {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(query);
	} finally {
		await client.end();
	}
}

export { seedFixtures, type Fixtures } from './fixtures.ts';
