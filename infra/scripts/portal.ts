// Starts the whole portal on this machine: a database (the one at DATABASE_URL, or an embedded
// PostgreSQL under .data/), migrated and loaded with demo data, and every app in apps/ on its own
// port. `pnpm start` runs it in development mode; the e2e suite runs it on the built servers.
//
//   --mode dev|built     vite dev servers (default) or the built Node servers (run `pnpm build` first)
//   --port-offset N      add N to every app's port (the e2e suite runs beside a dev portal)
//   --data-dir DIR       where the embedded PostgreSQL keeps its data (default .data/postgres)
//   --pg-port N          the embedded PostgreSQL's port (default 54329)
//   --reset              drop and recreate the database first (a clean slate for tests)
//
// DATABASE_URL is the owner's (it migrates and loads data). The servers get APP_DATABASE_URL, or else
// a login that this script creates as a member of rp_app, so row-level security applies to them; the
// worker, beside them, WORKER_DATABASE_URL or a login in rp_worker.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
	DEMO_PASSWORD,
	demoReferralPdf,
	demoReferrals,
	seedDemoContent,
	seedDemoDocuments,
	seedDemoOrganisations,
	seedDemoTwoFactor
} from '@regionportalen/db/demo';
import { storageFromEnv, storeAttachment } from '@regionportalen/media';
import { ensureAppLogin } from '@regionportalen/db/app-role';
import { WORKER_ROLE } from '@regionportalen/db/job-queue';
import { createDb } from '@regionportalen/db/client';
import { startLocalPostgres, type LocalPostgres } from '@regionportalen/db/local-postgres';
import { migrateToLatest } from '@regionportalen/db/migrate';
import { renderStoredBodies } from '@regionportalen/api';
import { DEVELOPMENT_RECOVERY_CODE_KEY, hashPassword, parseTotpKey, sealTotpKey } from '@regionportalen/auth';
import { DEVELOPMENT_SEALING_KEY } from '@regionportalen/db/seal';
import { listApps, repoRoot, type AppInfo } from './apps.ts';
import { registerSites } from './register.ts';

const { values: opts } = parseArgs({
	options: {
		mode: { type: 'string', default: 'dev' },
		'port-offset': { type: 'string', default: '0' },
		'data-dir': { type: 'string', default: path.join(repoRoot, '.data/postgres') },
		'pg-port': { type: 'string', default: '54329' },
		reset: { type: 'boolean', default: false }
	}
});
const mode = opts.mode === 'built' ? 'built' : 'dev';
// The demo portal is never production, even when its built servers run with NODE_ENV=production:
// they share the development sealing and recovery code keys (unless given), and without an SMTP server
// their mail goes to the local outbox (.data/outbox, listed at /dev/utkorg in dev mode).
process.env.SEALING_KEY ??= process.env.TOTP_ENCRYPTION_KEY ?? DEVELOPMENT_SEALING_KEY;
process.env.RECOVERY_CODE_KEY ??= DEVELOPMENT_RECOVERY_CODE_KEY;
if (!process.env.SMTP_URL && !process.env.SMTP_HOST)
	process.env.MAIL_OUTBOX_DIR ??= path.join(repoRoot, '.data/outbox');
const portOffset = Number(opts['port-offset']);
const DATABASE = 'regionportalen';
/** The servers' and the worker's logins on a development database (created when missing). */
const DEV_APP_LOGIN = { user: 'regionportalen_web', password: 'regionportalen-web-dev' };
const DEV_WORKER_LOGIN = { user: 'regionportalen_worker', password: 'regionportalen-worker-dev' };

const children: ChildProcess[] = [];
let localPostgres: LocalPostgres | undefined;
let stopping = false;

/** Stops every app (a dev server's whole process group: vite leaves workers behind otherwise), then PostgreSQL. */
async function shutdown(code: number) {
	if (stopping) return;
	stopping = true;
	const signal = (child: ChildProcess, sig: NodeJS.Signals) => {
		try {
			// Dev servers run in process groups of their own (detached), so signal the group.
			if (child.pid) process.kill(mode === 'dev' ? -child.pid : child.pid, sig);
		} catch {
			// already gone
		}
	};
	for (const child of children) signal(child, 'SIGTERM');
	const exited = children.map((child) =>
		child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r))
	);
	const timeout = new Promise((r) => setTimeout(r, 5000).unref());
	await Promise.race([Promise.all(exited), timeout]);
	for (const child of children) signal(child, 'SIGKILL');
	await localPostgres?.stop().catch(() => undefined);
	process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function resetDatabase(serverUrl: string) {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(`drop database if exists ${DATABASE} with (force)`);
	} finally {
		await client.end();
	}
}

/** The demo insatser's referral forms, stored in the media storage the servers read (MEDIA_DIR or S3). */
async function storeDemoReferrals(db: ReturnType<typeof createDb>) {
	const storage = storageFromEnv();
	for (const r of demoReferrals) {
		const stored = await storeAttachment(storage, demoReferralPdf(r.name), `Remissblankett ${r.name}.pdf`);
		await db
			.updateTable('insats')
			.set({ referral_key: stored.key, referral_filename: stored.filename, referral_size_bytes: stored.size })
			.where('slug', '=', r.slug)
			.where('forbund_id', '=', db.selectFrom('forbund').select('id').where('slug', '=', r.forbund))
			.execute();
	}
}

async function prepareDatabase(apps: AppInfo[]): Promise<{ appUrl: string; workerUrl: string }> {
	let url = process.env.DATABASE_URL;
	if (url) {
		console.log('Using the database at DATABASE_URL; no PostgreSQL is started.');
		if (opts.reset)
			throw new Error('--reset is only for the embedded PostgreSQL; it never drops a database at DATABASE_URL.');
	} else {
		console.log(`Starting the embedded PostgreSQL (data in ${path.relative(repoRoot, opts['data-dir'])}) …`);
		localPostgres = await startLocalPostgres({ dataDir: opts['data-dir'], port: Number(opts['pg-port']) });
		if (opts.reset) await resetDatabase(localPostgres.url('postgres'));
		await localPostgres.ensureDatabase(DATABASE);
		url = localPostgres.url(DATABASE);
	}

	const db = createDb({ connectionString: url, max: 2 });
	try {
		const { results = [] } = await migrateToLatest(db, url);
		if (results.length) console.log(`Migrated: ${results.map((r) => r.migrationName).join(', ')}`);
		await seedDemoOrganisations(db);
		const count = await registerSites(db, apps, (site) => `http://localhost:${site.port + portOffset}`);
		console.log(`Registered ${count} förbund sites.`);
		if (await seedDemoContent(db, { passwordHash: await hashPassword(DEMO_PASSWORD) })) {
			console.log('Loaded the demo people, news and pages.');
			await storeDemoReferrals(db);
		}
		await seedDemoTwoFactor(db, (key) => sealTotpKey(parseTotpKey(key)!));
		// Stored where the sites serve files from; the worker started below extracts their text.
		const storage = storageFromEnv();
		const documents = await seedDemoDocuments(db, async (bytes, filename) => {
			const stored = await storeAttachment(storage, bytes, filename);
			return { key: stored.key, filename: stored.filename, size: stored.size };
		});
		if (documents) console.log(`Stored ${documents} demo documents; the worker extracts their text.`);
		const rendered = await renderStoredBodies(db, 'news');
		if (rendered) console.log(`Rendered ${rendered} news bodies to HTML.`);
		const pages = await renderStoredBodies(db, 'content_page');
		if (pages) console.log(`Rendered ${pages} content page bodies to HTML.`);
	} finally {
		await db.destroy();
	}
	// The servers connect as a member of rp_app, so row-level security applies to them; the worker as
	// a member of rp_worker.
	return {
		appUrl: process.env.APP_DATABASE_URL ?? (await ensureAppLogin(url, DEV_APP_LOGIN)),
		workerUrl: process.env.WORKER_DATABASE_URL ?? (await ensureAppLogin(url, DEV_WORKER_LOGIN, WORKER_ROLE))
	};
}

/** The worker (packages/worker): it sends the outbox's mail and runs the scheduled jobs. */
function startWorkerProcess(databaseUrl: string) {
	const child = spawn(process.execPath, [path.join(repoRoot, 'packages/worker/src/main.ts')], {
		env: { ...process.env, WORKER_DATABASE_URL: databaseUrl, RP_EXIT_WITH_PARENT: '1' },
		stdio: ['ignore', 'inherit', 'inherit'],
		// Like the dev servers, in a group of its own in dev mode, which shutdown() signals.
		detached: mode === 'dev'
	});
	watch(child, 'The worker');
}

/** Keeps a child among those shutdown() stops; when one stops by itself, the portal stops with it. */
function watch(child: ChildProcess, name: string) {
	child.on('exit', (code) => {
		if (!stopping) {
			console.error(`${name} stopped (exit ${code}); stopping the portal.`);
			void shutdown(1);
		}
	});
	children.push(child);
}

function startApp(app: AppInfo, databaseUrl: string) {
	const port = app.config.port + portOffset;
	const origin = `http://localhost:${port}`;
	const env = { ...process.env, DATABASE_URL: databaseUrl, ORIGIN: origin, PORT: String(port), HOST: '127.0.0.1' };
	let child: ChildProcess;
	if (mode === 'built') {
		if (!existsSync(path.join(app.dir, 'build/handler.js')))
			throw new Error(`apps/${app.name} is not built: run \`pnpm build\` first.`);
		child = spawn(process.execPath, [path.join(repoRoot, 'infra/scripts/serve-app.ts'), app.dir], {
			cwd: app.dir,
			env: { ...env, NODE_ENV: 'production', RP_EXIT_WITH_PARENT: '1' },
			stdio: ['ignore', 'inherit', 'inherit']
		});
	} else {
		const vite = path.join(app.dir, 'node_modules/.bin/vite');
		child = spawn(vite, ['dev', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
			cwd: app.dir,
			env,
			stdio: ['ignore', 'ignore', 'inherit'],
			detached: true
		});
	}
	watch(child, `apps/${app.name}`);
	return origin;
}

/** Resolves once the server answers at all (any status), so the URLs printed work when printed. */
async function waitUntilServing(origin: string, timeoutMs = 180_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (stopping) return;
		try {
			await fetch(`${origin}/robots.txt`, { signal: AbortSignal.timeout(30_000) });
			return;
		} catch {
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
	throw new Error(`${origin} did not start within ${timeoutMs / 1000} s`);
}

try {
	const apps = await listApps();
	const { appUrl, workerUrl } = await prepareDatabase(apps);
	startWorkerProcess(workerUrl);
	const urls = apps.map((app) => ({ app, url: startApp(app, appUrl) }));
	await Promise.all(urls.map(({ url }) => waitUntilServing(url)));
	console.log(`\nRegionportalen is running (${mode === 'built' ? 'built servers' : 'development servers'}):`);
	for (const { app, url } of urls)
		console.log(`  ${url}/  ${app.config.kind === 'hub' ? 'regional hub' : app.config.name}`);
	console.log(`\nDemo accounts (password "${DEMO_PASSWORD}") are listed in README.md. Stop with Ctrl+C.`);
} catch (error) {
	console.error(error);
	await shutdown(1);
}
