import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureAppLogin } from '../app-role.ts';
import { WORKER_ROLE } from '../job-queue.ts';
import { createDb } from '../client.ts';
import { startLocalPostgres } from '../local-postgres.ts';
import { migrateToLatest } from '../migrate.ts';
import { dataDir } from '../paths.ts';
import { TEMPLATE_DATABASE, TEST_APP_LOGIN, TEST_WORKER_LOGIN } from './names.ts';

// Vitest global setup: one real PostgreSQL per test run, one migrated template database that every
// test file clones (CREATE DATABASE … TEMPLATE), so files are isolated and migrations run once.
// TEST_DATABASE_URL (a server URL whose user may create databases) replaces the embedded server.

export default async function setup(project: TestProject) {
	const external = process.env.TEST_DATABASE_URL;
	const server = external
		? null
		: await startLocalPostgres({
				// RP_TEST_PG_PORT lets two test runs share a machine.
				dataDir: path.join(dataDir, `test-postgres-${process.env.RP_TEST_PG_PORT ?? 54339}`),
				port: Number(process.env.RP_TEST_PG_PORT ?? 54339),
				ephemeral: true
			});
	const serverUrl = external ?? server!.url('postgres');

	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	try {
		await dropDatabasesFromEarlierRuns(admin);
		await admin.query(`create database ${TEMPLATE_DATABASE}`);
	} finally {
		await admin.end();
	}
	const templateUrl = withDatabase(serverUrl, TEMPLATE_DATABASE);
	const template = createDb({ connectionString: templateUrl, max: 1 });
	await migrateToLatest(template, templateUrl);
	await template.destroy();
	await ensureAppLogin(serverUrl, TEST_APP_LOGIN);
	await ensureAppLogin(serverUrl, TEST_WORKER_LOGIN, WORKER_ROLE);

	project.provide('testServerUrl', serverUrl);
	return async () => {
		await server?.stop();
	};
}

async function dropDatabasesFromEarlierRuns(admin: pg.Client) {
	const { rows } = await admin.query<{ datname: string }>(
		`select datname from pg_database where datname = $1 or datname like 'rp_test_%'`,
		[TEMPLATE_DATABASE]
	);
	for (const { datname } of rows) await admin.query(`drop database "${datname}" with (force)`);
}

export function withDatabase(serverUrl: string, database: string): string {
	const url = new URL(serverUrl);
	url.pathname = `/${database}`;
	return url.toString();
}
