import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createDb, type Db } from '../client.ts';
import { urlAs } from '../app-role.ts';
import { TEMPLATE_DATABASE, TEST_APP_LOGIN, TEST_WORKER_LOGIN } from './names.ts';

export interface TestDatabase {
	/** Connected as the servers are (a member of rp_app): row-level security applies. */
	db: Db;
	/** Connected as the owner (the server's superuser): for fixtures and for looking behind RLS. */
	owner: Db;
	url: string;
	/** The same database as the worker reaches it (a member of rp_worker). */
	workerUrl: string;
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
	const owner = createDb({ connectionString: url.toString(), max: 2 });
	const db = createDb({ connectionString: urlAs(url.toString(), TEST_APP_LOGIN), max: 4 });
	afterAll(async () => {
		await Promise.all([db.destroy(), owner.destroy()]);
		// A pool's end() returns before its connections have closed; one still closing that the forced
		// drop terminates would throw its FATAL into the test run. Wait for them (briefly) first.
		for (let i = 0; i < 50 && (await connectionsTo(serverUrl, name)) > 0; i++) {
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		await adminQuery(serverUrl, `drop database ${name} with (force)`);
	});
	return { db, owner, url: url.toString(), workerUrl: urlAs(url.toString(), TEST_WORKER_LOGIN) };
}

async function adminQuery(serverUrl: string, query: string, values: unknown[] = []) {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		return await client.query(query, values);
	} finally {
		await client.end();
	}
}

async function connectionsTo(serverUrl: string, database: string): Promise<number> {
	const { rows } = await adminQuery(serverUrl, 'select count(*)::int as n from pg_stat_activity where datname = $1', [
		database
	]);
	return rows[0].n as number;
}

export { seedFixtures, type Fixtures } from './fixtures.ts';
