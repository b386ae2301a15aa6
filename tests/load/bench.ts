// `pnpm bench`: load-tests the built servers on a large data set, beside a no-framework baseline.
//
// 1. Starts the portal on the built servers (`pnpm build` first) on a database and ports of its
//    own (PostgreSQL on 54359 under .data/bench-postgres, reset; the hub on 5470, SUS on 5471),
//    with the servers' page cache off (PAGE_CACHE_SECONDS=0).
// 2. Seeds 21 regions, 80 förbund and 100,000 news items as the database owner (seed.ts).
// 3. Starts the baseline (baseline.ts) on 5490 and load-tests six pages on both with autocannon
//    at 10 and 50 connections: the hub's start page, SUS's start page, an article, the news list's
//    page 50, SUS's accessibility statement and a search (a different query on every request).
// 4. Restarts the portal on the same database with the page cache at its default (5 s) and runs
//    the same pages again.
// 5. Prints a Markdown table and the targets met or missed, and writes both with the machine's
//    facts to tests/load/results/latest.md. Everything stays on 127.0.0.1, and the portal and the
//    baseline are stopped at the end, on failure and on Ctrl+C.
//
// Settings (environment): BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 2),
// BENCH_CONNECTIONS (default "10,50"), BENCH_CPU_PROF=1 (the servers write V8 CPU profiles to
// tests/load/results/cpu-prof when they stop).

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import * as prettier from 'prettier';
import {
	assertBuilt,
	assertPortsFree,
	cannon,
	fetchText,
	here,
	log,
	repoRoot,
	resultsDir,
	sleep,
	startProcess,
	stopAll,
	waitForPortFree
} from './harness.ts';
import { seedAsf } from './seed-asf.ts';
import { seedProjects } from './seed-projects.ts';
import { seedDocuments, seedLargeDataSet, type SeedReport } from './seed.ts';
import { searchQueries } from './vocabulary.ts';

const PORT_OFFSET = 300;
const PG_PORT = 54359;
const DATA_DIR = path.join(repoRoot, '.data/bench-postgres');
const OWNER_URL = `postgres://postgres:regionportalen-dev@127.0.0.1:${PG_PORT}/regionportalen`;
const BASELINE_PORT = 5490;
const BASELINE = `http://127.0.0.1:${BASELINE_PORT}`;

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);
const CPU_PROF = process.env.BENCH_CPU_PROF === '1';
/** The whole run, hard limit: everything is stopped after this. */
const DEADLINE_MS = 25 * 60_000;

/** Targets, at the highest connection count. */
const MIN_RATIO = 0.5;
const MAX_P99_MS = 50;
const MAX_SEARCH_P99_MS = 100;

type Server = 'cache on' | 'cache off' | 'baseline';

interface Page {
	key:
		| 'hub'
		| 'start'
		| 'article'
		| 'list'
		| 'page'
		| 'statement'
		| 'documents'
		| 'search'
		| 'catalogue'
		| 'insats'
		| 'projects'
		| 'project'
		| 'asf'
		| 'enterprise';
	label: string;
	/** Path on the app and on the baseline; for search, made per request. */
	app: { origin: string; path: () => string };
	baseline: { origin: string; path: () => string };
	/** What a correct page contains (checked once before the load). */
	expect: string;
}

interface Run {
	page: Page['key'];
	server: Server;
	connections: number;
	rps: number;
	p50: number;
	p99: number;
	non2xx: number;
	errors: number;
	timeouts: number;
	requests: number;
	bytesPerResponse: number;
}

async function startPortal(cacheSeconds: number, reset: boolean) {
	const args = [
		path.join(repoRoot, 'infra/scripts/portal.ts'),
		...['--mode', 'built', '--port-offset', String(PORT_OFFSET)],
		...['--data-dir', DATA_DIR, '--pg-port', String(PG_PORT)],
		...(reset ? ['--reset'] : [])
	];
	const env: NodeJS.ProcessEnv = { ...process.env, PAGE_CACHE_SECONDS: String(cacheSeconds) };
	// The embedded server, not one at a DATABASE_URL the caller's shell may carry.
	delete env.DATABASE_URL;
	delete env.APP_DATABASE_URL;
	if (CPU_PROF) {
		const dir = path.join(resultsDir, 'cpu-prof', cacheSeconds > 0 ? 'cache-on' : 'cache-off');
		mkdirSync(dir, { recursive: true });
		env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${dir}`.trim();
	}
	const portal = startProcess(`portal-cache-${cacheSeconds > 0 ? 'on' : 'off'}`, args, env, /is running/, 180_000);
	await portal.started;
	return portal;
}

// ---------------------------------------------------------------------------------------------
// Load.

/** One request per page, before any load: a page that is wrong would make the figures meaningless. */
async function checkPages(pages: Page[], server: Server) {
	for (const page of pages) {
		const target = server === 'baseline' ? page.baseline : page.app;
		const url = target.origin + target.path();
		const { status, body } = await fetchText(url);
		if (status !== 200 || !body.includes(page.expect)) {
			throw new Error(
				`${server}: ${url} answered ${status}${status === 200 ? ` without "${page.expect}"` : ''}:\n${body.slice(0, 500)}`
			);
		}
	}
}

/** Whether the servers' page cache is what the run says it is (a build from before it has none). */
async function pageCacheState(url: string): Promise<'hit' | 'off' | 'miss'> {
	await fetchText(url);
	const { headers } = await fetchText(url);
	const state = headers.get('x-page-cache');
	return state === 'hit' ? 'hit' : state === null ? 'off' : 'miss';
}

async function measure(page: Page, server: Server, connections: number): Promise<Run> {
	const target = server === 'baseline' ? page.baseline : page.app;
	if (WARMUP > 0) await cannon(target.origin, target.path, connections, WARMUP);
	const r = await cannon(target.origin, target.path, connections, DURATION);
	const run: Run = {
		page: page.key,
		server,
		connections,
		rps: r.requests.average,
		p50: r.latency.p50,
		p99: r.latency.p99,
		non2xx: r.non2xx,
		errors: r.errors,
		timeouts: r.timeouts,
		requests: r.requests.total,
		bytesPerResponse: r.requests.total ? r.throughput.total / r.requests.total : 0
	};
	log(
		`  ${server.padEnd(9)} ${page.label.padEnd(16)} c=${String(connections).padEnd(3)} ` +
			`${run.rps.toFixed(0).padStart(6)} req/s  p50 ${run.p50.toFixed(1).padStart(6)} ms  p99 ${run.p99.toFixed(1).padStart(6)} ms` +
			`  non-2xx ${run.non2xx}${run.errors ? `  errors ${run.errors}` : ''}`
	);
	return run;
}

async function measureAll(pages: Page[], server: Server, runs: Run[]) {
	log(`\nLoad: ${server} (${DURATION} s per run after ${WARMUP} s warm-up)`);
	for (const page of pages) for (const c of CONNECTIONS) runs.push(await measure(page, server, c));
}

// ---------------------------------------------------------------------------------------------
// Report.

/** Latencies: autocannon measures whole milliseconds; 0 means under one. */
const ms = (n: number) => (!Number.isFinite(n) ? '–' : n < 1 ? '<1' : n.toFixed(0));
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');

function report(pages: Page[], runs: Run[]) {
	const find = (page: string, server: Server, c: number) =>
		runs.find((r) => r.page === page && r.server === server && r.connections === c);
	const lines = [
		'| Page | Conn. | Server | req/s | p50 (ms) | p99 (ms) | non-2xx | errors | × baseline |',
		'| --- | --: | --- | --: | --: | --: | --: | --: | --: |'
	];
	for (const page of pages) {
		for (const c of CONNECTIONS) {
			const base = find(page.key, 'baseline', c);
			for (const server of ['cache on', 'cache off', 'baseline'] as Server[]) {
				const r = find(page.key, server, c);
				if (!r) continue;
				const ratio = server === 'baseline' || !base ? '' : `${(r.rps / base.rps).toFixed(2)}×`;
				lines.push(
					`| ${page.label} | ${c} | ${server} | ${f0(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.non2xx} | ${r.errors} | ${ratio} |`
				);
			}
		}
	}

	const top = Math.max(...CONNECTIONS);
	const targets = [
		`| Page | Server | req/s ≥ ${MIN_RATIO}× baseline | p99 < limit | Result |`,
		'| --- | --- | --- | --- | --- |'
	];
	const missed: Record<'cache on' | 'cache off', number> = { 'cache on': 0, 'cache off': 0 };
	for (const page of pages) {
		const limit = page.key === 'search' ? MAX_SEARCH_P99_MS : MAX_P99_MS;
		const base = find(page.key, 'baseline', top);
		for (const server of ['cache on', 'cache off'] as const) {
			const r = find(page.key, server, top);
			if (!r || !base) continue;
			const ratio = r.rps / base.rps;
			const okRatio = ratio >= MIN_RATIO;
			const okP99 = r.p99 < limit;
			const clean = r.non2xx === 0 && r.errors === 0;
			const pass = okRatio && okP99 && clean;
			if (!pass) missed[server]++;
			targets.push(
				`| ${page.label} | ${server} | ${ratio.toFixed(2)}× ${okRatio ? '✓' : '✗'} | ${ms(r.p99)} ms < ${limit} ms ${okP99 ? '✓' : '✗'} | ` +
					`${pass ? 'pass' : `**FAIL**${clean ? '' : ' (non-2xx or errors)'}`} |`
			);
		}
	}
	const failures = missed['cache on'] + missed['cache off'];
	return { table: lines.join('\n'), targets: targets.join('\n'), failures, missed, top };
}

function machineFacts(seed: SeedReport, pgVersion: string) {
	let commit = '?';
	try {
		commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
	} catch {
		// not a git checkout
	}
	const cpu = os.cpus()[0]?.model ?? '?';
	return [
		`- Date: ${new Date().toISOString()}`,
		`- Machine: ${os.availableParallelism()} CPUs (nproc), ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}`,
		`- Node ${process.version}, PostgreSQL ${pgVersion} (embedded), commit ${commit}`,
		`- Data: ${seed.regions} regions, ${seed.forbund} förbund, ${seed.news} news items (${seed.published} published, ` +
			`${seed.drafts} drafts, ${seed.shared} shared with the region, ${seed.regional} regional), SUS ${seed.susPublished} ` +
			`published; bodies ${seed.bodyWords.min}–${seed.bodyWords.max} words (mean ${seed.bodyWords.avg}), titles ` +
			`${seed.titleWords.min}–${seed.titleWords.max} words; news table with indexes ${seed.tableMb} MB`,
		`- Seeding: ${seed.skipped ? 'skipped (already seeded)' : `${(seed.ms / 1000).toFixed(1)} s`}`,
		`- Load: autocannon in the bench process, ${DURATION} s per run after a ${WARMUP} s warm-up, ` +
			`${CONNECTIONS.join(' and ')} connections; the servers, PostgreSQL and autocannon share the machine`
	].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
	const startedAt = performance.now();
	assertBuilt();
	await assertPortsFree([PG_PORT, BASELINE_PORT, ...Array.from({ length: 10 }, (_, i) => 5170 + PORT_OFFSET + i)]);
	const hub = `http://localhost:${5170 + PORT_OFFSET}`;
	const sus = `http://localhost:${5171 + PORT_OFFSET}`;
	const notes: string[] = [];

	log('Starting the portal (built servers, page cache off, fresh database) …');
	let portal = await startPortal(0, true);

	log('Seeding the large data set as the database owner …');
	const seed = await seedLargeDataSet(OWNER_URL, { log: (line) => log(`  ${line}`) });
	log(`Seeding took ${(seed.ms / 1000).toFixed(1)} s.`);
	const library = await seedDocuments(OWNER_URL, { log: (line) => log(`  ${line}`) });
	log(
		`Seeding ${library.documents} documents (${library.susDocuments} of SUS) took ${(library.ms / 1000).toFixed(1)} s.`
	);
	const projects = await seedProjects(OWNER_URL, { log: (line) => log(`  ${line}`) });
	log(
		`Seeding ${projects.projects} projects (SUS a partner of ${projects.susProjects}, ${projects.delprojekt} delprojekt) ` +
			`took ${(projects.ms / 1000).toFixed(1)} s.`
	);
	const asf = await seedAsf(OWNER_URL, { log: (line) => log(`  ${line}`) });
	log(
		`Seeding ${asf.enterprises} social enterprises (${asf.susEnterprises} in SUS's municipalities) took ${(asf.ms / 1000).toFixed(1)} s.`
	);

	// A real SUS article from the middle of its list, and the search words.
	const db = new pg.Client({ connectionString: OWNER_URL });
	db.on('error', () => undefined);
	await db.connect();
	const { rows } = await db.query(
		`select n.slug, n.title from news n join forbund f on f.id = n.forbund_id
		 where f.slug = 'sus' and n.status = 'published' and n.published_at <= now()
		 order by n.published_at desc, n.id desc offset 700 limit 1`
	);
	const pgVersion = (await db.query('show server_version')).rows[0].server_version as string;
	const queries = searchQueries();
	// How much each search finds in SUS's published items (the app's tsquery: stems or typed prefixes).
	const matches: number[] = [];
	for (const query of queries) {
		const { rows: counted } = await db.query(
			`select count(*)::int as n from news n join forbund f on f.id = n.forbund_id
			 where f.slug = 'sus' and n.status = 'published' and n.published_at <= now()
			   and n.search @@ (websearch_to_tsquery('swedish', $1)
				|| regexp_replace(websearch_to_tsquery('simple', $1)::text, $2, '\\&:*', 'g')::tsquery)`,
			[query, "'(?:[^']|'')*'"]
		);
		matches.push(counted[0].n as number);
	}
	matches.sort((a, b) => a - b);
	await db.end();
	const article = rows[0] as { slug: string; title: string } | undefined;
	if (!article) throw new Error('SUS has fewer than 700 published items: the seed did not run as expected.');
	let q = 0;
	const nextQuery = () => encodeURIComponent(queries[q++ % queries.length]!);

	// SUS's seeded insatser are insats-1 … insats-400; every 20th is a draft.
	let nextInsats = 0;
	const insatsSlug = () => {
		do nextInsats = (nextInsats % 400) + 1;
		while (nextInsats % 20 === 0);
		return `insats-${nextInsats}`;
	};
	// SUS is a partner of the seeded projekt-1 … projekt-40; every 20th is a draft.
	let nextProject = 0;
	const projectSlug = () => {
		do nextProject = (nextProject % 40) + 1;
		while (nextProject % 20 === 0);
		return `projekt-${nextProject}`;
	};

	// SUS's municipalities are served by the seeded asf-3, asf-6, …; every 15th is inactive.
	let nextEnterprise = 0;
	const enterpriseSlug = () => {
		do nextEnterprise = (nextEnterprise % 300) + 3;
		while (nextEnterprise % 15 === 0);
		return `asf-${nextEnterprise}`;
	};

	const hubRegions = ['stockholm', 'varmland-dalsland'];
	const baselineProcess = startProcess(
		'baseline',
		[path.join(here, 'baseline.ts')],
		{ ...process.env, DATABASE_URL: OWNER_URL, PORT: String(BASELINE_PORT), HUB_REGIONS: hubRegions.join(',') },
		/listening/,
		30_000
	);
	await baselineProcess.started;

	const pages: Page[] = [
		{
			key: 'hub',
			label: 'Hub start',
			app: { origin: hub, path: () => '/' },
			baseline: { origin: BASELINE, path: () => '/hub' },
			expect: 'Stockholms län'
		},
		{
			key: 'start',
			label: 'SUS start',
			app: { origin: sus, path: () => '/' },
			baseline: { origin: BASELINE, path: () => '/f/sus' },
			expect: 'Sollentuna'
		},
		{
			key: 'article',
			label: 'Article',
			app: { origin: sus, path: () => `/nyheter/${article.slug}` },
			baseline: { origin: BASELINE, path: () => `/f/sus/nyheter/${article.slug}` },
			expect: article.title
		},
		{
			key: 'list',
			label: 'News list p. 50',
			app: { origin: sus, path: () => '/nyheter?sida=50' },
			baseline: { origin: BASELINE, path: () => '/f/sus/nyheter?sida=50' },
			expect: 'sida 50 av'
		},
		{
			key: 'page',
			label: 'Content page',
			app: { origin: sus, path: () => '/om-forbundet/styrelse-och-kansli' },
			baseline: { origin: BASELINE, path: () => '/f/sus/om-forbundet/styrelse-och-kansli' },
			expect: 'Erik Sundin'
		},
		{
			key: 'statement',
			label: 'Accessibility statement',
			app: { origin: sus, path: () => '/tillganglighet' },
			baseline: { origin: BASELINE, path: () => '/f/sus/tillganglighet' },
			expect: 'Tillsyn'
		},
		{
			key: 'documents',
			label: 'Documents page 3',
			app: { origin: sus, path: () => '/dokument?sida=3' },
			baseline: { origin: BASELINE, path: () => '/f/sus/dokument?sida=3' },
			expect: 'Dnr '
		},
		{
			key: 'search',
			label: 'Search',
			app: { origin: sus, path: () => `/sok?q=${nextQuery()}` },
			baseline: { origin: BASELINE, path: () => `/f/sus/sok?q=${nextQuery()}` },
			expect: '<mark>'
		},
		{
			key: 'catalogue',
			label: 'Catalogue, two filters',
			app: { origin: sus, path: () => '/insatser?kommun=Sollentuna&malgrupp=unga' },
			baseline: { origin: BASELINE, path: () => '/f/sus/insatser?kommun=Sollentuna&malgrupp=unga' },
			expect: 'Visa insatser'
		},
		{
			key: 'insats',
			label: 'Insats page',
			app: { origin: sus, path: () => `/insatser/${insatsSlug()}` },
			baseline: { origin: BASELINE, path: () => `/f/sus/insatser/${insatsSlug()}` },
			expect: 'För handläggare'
		},
		{
			key: 'projects',
			label: 'Projects list',
			app: { origin: sus, path: () => '/projekt' },
			baseline: { origin: BASELINE, path: () => '/f/sus/projekt' },
			expect: 'Samverkan för arbete och studier'
		},
		{
			key: 'project',
			label: 'Project page',
			app: { origin: sus, path: () => `/projekt/${projectSlug()}` },
			baseline: { origin: BASELINE, path: () => `/f/sus/projekt/${projectSlug()}` },
			expect: 'Delprojekt'
		},
		{
			key: 'asf',
			label: 'Social enterprises, a filter',
			app: { origin: sus, path: () => '/asf?verksamhet=second_hand&lediga=1' },
			baseline: { origin: BASELINE, path: () => '/f/sus/asf?verksamhet=second_hand&lediga=1' },
			expect: 'Visa företag'
		},
		{
			key: 'enterprise',
			label: 'Social enterprise page',
			app: { origin: sus, path: () => `/asf/${enterpriseSlug()}` },
			baseline: { origin: BASELINE, path: () => `/f/sus/asf/${enterpriseSlug()}` },
			expect: 'Lediga'
		}
	];

	const runs: Run[] = [];
	try {
		await checkPages(pages, 'cache off');
		await checkPages(pages, 'baseline');
		const sizes = await Promise.all(
			pages.map(async (p) => {
				const [a, b] = await Promise.all([
					fetchText(p.app.origin + p.app.path()),
					fetchText(p.baseline.origin + p.baseline.path())
				]);
				return `${p.label} ${(Buffer.byteLength(a.body) / 1024).toFixed(1)} / ${(Buffer.byteLength(b.body) / 1024).toFixed(1)} KB`;
			})
		);
		notes.push(`Page sizes, app / baseline: ${sizes.join('; ')}.`);
		notes.push(
			`Search: each query matches ${matches[0]}–${matches.at(-1)} (median ${matches[matches.length >> 1]}) of ` +
				`SUS's ${seed.susPublished} published items; the app ranks the newest 200 of them (news_search), the baseline all, 10 shown.`
		);
		if ((await pageCacheState(`${sus}/nyheter?sida=50`)) !== 'off') {
			throw new Error('PAGE_CACHE_SECONDS=0 did not turn the page cache off.');
		}

		await measureAll(pages, 'cache off', runs);
		await measureAll(pages, 'baseline', runs);
		// Requests still in flight when a run ends (slow searches) finish before PostgreSQL restarts.
		await sleep(5_000);

		log('\nRestarting the portal with the page cache at its default (PAGE_CACHE_SECONDS=5), same database …');
		await portal.stop();
		await waitForPortFree(PG_PORT);
		portal = await startPortal(5, false);
		await checkPages(pages, 'cache on');
		const cache = await pageCacheState(`${sus}/nyheter?sida=50`);
		if (cache !== 'hit') {
			const note =
				'The page cache did not answer (no `x-page-cache: hit`): these builds predate it or it is off. ' +
				'Run `pnpm build` and the bench again; the "cache on" rows below are not cached.';
			log(`\nWARNING: ${note}`);
			notes.push(`**Warning:** ${note}`);
		}
		await measureAll(pages, 'cache on', runs);
	} finally {
		log('\nStopping the portal and the baseline …');
		await Promise.all([portal.stop(), baselineProcess.stop()]);
	}

	const { table, targets, failures, missed, top } = report(pages, runs);
	const verdict = (n: number) => (n === 0 ? 'every target met' : `${n} target(s) missed`);
	const facts = machineFacts(seed, pgVersion);
	const minutes = ((performance.now() - startedAt) / 60_000).toFixed(1);
	const markdown = `# Load test: built servers vs. a plain Node baseline

Written by \`pnpm bench\` (tests/load); the whole run took ${minutes} min.

${facts}
- Article: \`/nyheter/${article.slug}\`; search: ${queries.length} queries in turn (${queries
		.slice(0, 4)
		.map((x) => `“${x}”`)
		.join(', ')}, …), so "cache on" caches each for 5 s
- ${notes.join('\n- ')}

"cache on": the servers' in-memory page cache at its default (PAGE_CACHE_SECONDS=5: a page is fresh
for 5 s, then served stale for up to 5 s more while one background render refreshes it). "cache off":
PAGE_CACHE_SECONDS=0, every request rendered. "baseline": tests/load/baseline.ts, one indexed query
and template strings per page. × baseline: requests/s against the baseline's at the same connections.

${table}

## Targets at ${top} connections

Every page at least ${MIN_RATIO}× the baseline's requests/s and p99 under ${MAX_P99_MS} ms; search p99 under
${MAX_SEARCH_P99_MS} ms at 100,000 items; no non-2xx responses or errors.

${targets}

- As shipped (page cache on, its default): ${verdict(missed['cache on'])}.
- Every request rendered (page cache off): ${verdict(missed['cache off'])}.
`;
	mkdirSync(resultsDir, { recursive: true });
	const file = path.join(resultsDir, 'latest.md');
	const options = (await prettier.resolveConfig(file)) ?? {};
	const formatted = await prettier.format(markdown, { ...options, plugins: [], filepath: file });
	await writeFile(file, formatted);
	log(`\n${formatted}`);
	log(`Written to ${path.relative(repoRoot, file)}.`);
	return failures;
}

const deadline = setTimeout(() => {
	console.error(`\nThe bench ran past its limit of ${DEADLINE_MS / 60_000} min: stopping everything.`);
	void stopAll().finally(() => process.exit(1));
}, DEADLINE_MS);

try {
	const failures = await main();
	clearTimeout(deadline);
	// Missed targets are findings, not a broken bench: exit 0 unless BENCH_STRICT asks otherwise.
	process.exitCode = failures && process.env.BENCH_STRICT === '1' ? 1 : 0;
} catch (error) {
	clearTimeout(deadline);
	console.error(`\nThe bench failed: ${error instanceof Error ? error.message : String(error)}`);
	await stopAll();
	process.exitCode = 1;
}
