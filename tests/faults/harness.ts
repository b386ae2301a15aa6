import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '@regionportalen/api';
import { transformer } from '@regionportalen/api/transformer';
import { parseTotpKey, SESSION_COOKIE, totpCode } from '@regionportalen/auth';
import { ensureAppLogin } from '@regionportalen/db/app-role';
import { createDb, type Db } from '@regionportalen/db/client';
import {
	DEMO_PASSWORD,
	demoTotpSecret,
	seedDemoContent,
	seedDemoOrganisations,
	seedDemoTwoFactor
} from '@regionportalen/db/demo';
import { startLocalPostgres, type LocalPostgres } from '@regionportalen/db/local-postgres';
import { migrateToLatest } from '@regionportalen/db/migrate';
import { DEVELOPMENT_SEALING_KEY } from '@regionportalen/db/seal';
import { hashPassword, sealTotpKey } from '@regionportalen/auth';
import { listApps } from '../../infra/scripts/apps.ts';
import { registerSites } from '../../infra/scripts/register.ts';

// What the fault tests share: a PostgreSQL of their own (migrated, with the demo data, the servers
// connecting through the rp_app login as in production), a built site server started as the portal
// starts it, signed-in API clients over real HTTP, and the clean-up of every process on any exit.

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const logDir = path.join(repoRoot, '.data/faults-logs');
/** The förbund site the tests write through, and its editor and region coordinator (for minutes). */
export const SITE = 'sus';
export const EDITOR = 'redaktor.sus@demo.regionportalen.se';
export const COORDINATOR = 'samordnare@demo.regionportalen.se';
export const REGION = 'stockholm';

const DATABASE = 'regionportalen';
const APP_LOGIN = { user: 'regionportalen_faults', password: 'regionportalen-faults' };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value other than undefined; throws `what` after the deadline. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe().catch(() => undefined);
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
		await sleep(100);
	}
}

export interface TestDatabase {
	postgres: LocalPostgres;
	/** The owner's connection, for the checks afterwards (it sees past row-level security). */
	db: Db;
	appUrl: string;
	/** Stops PostgreSQL (as a crash would, with `immediate`) and starts it again on the same data and port. */
	restart(mode: 'fast' | 'immediate'): Promise<void>;
	close(): Promise<void>;
}

/** A fresh database on its own embedded PostgreSQL under .data/, loaded as the demo portal is. */
export async function startDatabase(name: string, port: number): Promise<TestDatabase> {
	const options = { dataDir: path.join(repoRoot, `.data/faults-${name}-${port}`), port };
	// Durable on purpose (no `ephemeral`): with fsync or synchronous_commit off, a crash could lose
	// commits that were acknowledged, which is exactly what these tests look for.
	let postgres = await startLocalPostgres(options);
	const admin = new pg.Client({ connectionString: postgres.url('postgres') });
	await admin.connect();
	await admin.query(`drop database if exists ${DATABASE} with (force)`);
	await admin.end();
	await postgres.ensureDatabase(DATABASE);
	const url = postgres.url(DATABASE);
	const db = createDb({ connectionString: url, max: 4 });
	await migrateToLatest(db, url);
	await seedDemoOrganisations(db);
	// Every site, as the portal registers them (the demo data names them all); only SITE is started.
	const apps = await listApps();
	await registerSites(db, apps, (site) => `http://localhost:${site.port}`);
	await seedDemoContent(db, { passwordHash: await hashPassword(DEMO_PASSWORD) });
	await seedDemoTwoFactor(db, (key) => sealTotpKey(parseTotpKey(key)!));
	const appUrl = await ensureAppLogin(url, APP_LOGIN);
	return {
		get postgres() {
			return postgres;
		},
		db,
		appUrl,
		async restart(mode) {
			await postgres.stop(mode);
			postgres = await startLocalPostgres(options);
		},
		async close() {
			await db.destroy();
			await postgres.stop();
		}
	};
}

/** Every server started, killed when the test process goes however it goes. */
const servers = new Set<ChildProcess>();
process.on('exit', () => {
	for (const child of servers) child.kill('SIGKILL');
});

export interface SiteServer {
	origin: string;
	child: ChildProcess;
	/** Resolves when the process has gone, with its exit code or signal. */
	exited: Promise<string>;
	kill(signal: NodeJS.Signals): Promise<string>;
}

/** The built site server, started with the environment portal.ts gives it; resolves once it answers. */
export async function startSite(port: number, databaseUrl: string, logName: string, app = SITE): Promise<SiteServer> {
	const appDir = path.join(repoRoot, 'apps', app);
	const origin = `http://localhost:${port}`;
	mkdirSync(logDir, { recursive: true });
	const log = createWriteStream(path.join(logDir, `${logName}.log`), { flags: 'a' });
	const child = spawn(process.execPath, [path.join(repoRoot, 'infra/scripts/serve-app.ts'), appDir], {
		cwd: appDir,
		env: {
			...process.env,
			NODE_ENV: 'production',
			DATABASE_URL: databaseUrl,
			ORIGIN: origin,
			PORT: String(port),
			HOST: '127.0.0.1',
			SEALING_KEY: DEVELOPMENT_SEALING_KEY,
			MAIL_OUTBOX_DIR: path.join(repoRoot, '.data/faults-outbox'),
			// A save is looked for at once afterwards; the page cache would only hide it.
			PAGE_CACHE_SECONDS: '0'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	servers.add(child);
	child.stdout!.pipe(log, { end: false });
	child.stderr!.pipe(log, { end: false });
	const exited = new Promise<string>((resolve) =>
		child.once('exit', (code, signal) => {
			servers.delete(child);
			resolve(signal ?? `exit ${code}`);
		})
	);
	const server: SiteServer = {
		origin,
		child,
		exited,
		kill(signal) {
			child.kill(signal);
			return exited;
		}
	};
	const gone = exited.then((how) => {
		throw new Error(`apps/${app} stopped before it answered (${how}); see .data/faults-logs/${logName}.log`);
	});
	await Promise.race([waitFor(`apps/${app} on port ${port}`, () => answers(origin), 60_000), gone]);
	return server;
}

async function answers(origin: string): Promise<true | undefined> {
	const response = await fetch(`${origin}/robots.txt`, { signal: AbortSignal.timeout(5000) });
	return response.ok ? true : undefined;
}

/** The session cookie a form post set, or a failure naming what the page said. */
async function postForm(origin: string, pathname: string, fields: Record<string, string>, cookie = '') {
	const response = await fetch(`${origin}${pathname}`, {
		method: 'POST',
		// SvelteKit refuses a form post from another origin; a browser sends its own.
		headers: { origin, cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields),
		redirect: 'manual',
		signal: AbortSignal.timeout(30_000)
	});
	const set = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
	if (response.status !== 303 || !set) {
		throw new Error(`POST ${pathname} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
	}
	return { cookie: set.split(';')[0]!, location: response.headers.get('location') ?? '' };
}

/** Signs in as a demo account the way the form does, with its TOTP code when the role needs one. */
export async function signIn(origin: string, email: string): Promise<string> {
	const first = await postForm(origin, '/logga-in', { email, password: DEMO_PASSWORD });
	const secret = demoTotpSecret(email);
	if (!secret || !first.location.startsWith('/logga-in/tvasteg')) return first.cookie;
	const code = totpCode(parseTotpKey(secret)!);
	return (await postForm(origin, '/logga-in/tvasteg', { code }, first.cookie)).cookie;
}

/** The site's tRPC API over HTTP as a signed-in browser calls it (its cookie, its origin). */
export function apiClient(origin: string, cookie: string) {
	return createTRPCClient<AppRouter>({
		links: [
			httpLink({
				url: `${origin}/api/trpc`,
				transformer,
				headers: { cookie, origin },
				// A request caught by a restart must end as an answer or an error, never hang the test.
				fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(15_000) })
			})
		]
	});
}

export type ApiClient = ReturnType<typeof apiClient>;

/** A report line, so the run's figures show in the test output. */
export function report(line: string) {
	console.log(`  ${line}`);
}
