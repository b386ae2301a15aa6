// `pnpm bench:mail`: how fast the worker sends the outbox, and what sending 10,000 mails does to
// the pages.
//
// 1. Starts an SMTP server (smtp-sink.ts, port 2600) and the portal on the built servers (`pnpm build`
//    first) with its worker, on a database and ports of their own (PostgreSQL on 54369 under
//    .data/bench-mail-postgres, reset; SUS on 5571), the page cache off (every request reaches
//    PostgreSQL, which the worker uses too).
// 2. Twice: with the worker at its defaults (20 mails/s, 4 senders; the target is about these), then
//    at MAIL_BENCH_RATE mails/s (default 1000) with 8 senders (its throughput). Each time it
//    load-tests SUS's start page and news list (the demo data) with autocannon (10 connections,
//    BENCH_DURATION s) quiet, queues 10,000 mails in one transaction as a grant would, and
//    load-tests the pages again while the worker sends; the fast run then waits for every mail.
// 3. Prints and writes a Markdown table with the machine's facts to tests/load/results/mail.md.

import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '@regionportalen/db/client';
import { queueMail } from '@regionportalen/mail';
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
	stopAll
} from './harness.ts';

const PORT_OFFSET = 400;
const PG_PORT = 54369;
const SMTP_PORT = 2600;
const SUS = `http://localhost:${5171 + PORT_OFFSET}`;
const OWNER_URL = `postgres://postgres:regionportalen-dev@127.0.0.1:${PG_PORT}/regionportalen`;
const MAILS = Number(process.env.MAIL_BENCH_COUNT ?? 10_000);
const RATE = Number(process.env.MAIL_BENCH_RATE ?? 1000);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 10;
/** The target: a page's p99 while the worker sends may be at most this much above the quiet one. */
const MAX_P99_RISE = 0.2;

const PAGES = [
	{ label: 'SUS start', path: '/' },
	{ label: 'News list', path: '/nyheter' }
];

interface Measured {
	label: string;
	rps: number;
	p99: number;
}

async function measurePages(): Promise<Measured[]> {
	const results: Measured[] = [];
	for (const page of PAGES) {
		await cannon(SUS, () => page.path, CONNECTIONS, 2);
		const r = await cannon(SUS, () => page.path, CONNECTIONS, DURATION);
		if (r.non2xx || r.errors) throw new Error(`${page.label}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
		results.push({ label: page.label, rps: r.requests.average, p99: r.latency.p99 });
		log(`  ${page.label.padEnd(16)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p99 ${r.latency.p99} ms`);
	}
	return results;
}

/** MAILS mails in one transaction, as a grant would queue its one. */
async function queueBatch(owner: Db) {
	await owner.transaction().execute(async (trx) => {
		for (let i = 0; i < MAILS; i++) {
			await queueMail(trx, {
				to: `mottagare${i}@bench.example`,
				subject: `Utskick ${i}`,
				text: `Hej! Utskick nummer ${i}.`
			});
		}
	});
}

/** One run: the portal and its worker at `rate` mails/s; the pages quiet, then while 10,000 mails wait. */
interface RateRun {
	rate: number;
	concurrency: number;
	quiet: Measured[];
	busy: Measured[];
	/** Mails received while the pages were measured, and over how many seconds. */
	sentDuringLoad: number;
	loadSeconds: number;
	/** Seconds from the commit of a second batch, sent with no page load, to its last mail (fast runs only). */
	allSeconds: number | null;
}

async function runAt(rate: number, concurrency: number, reset: boolean, received: () => number): Promise<RateRun> {
	log(`\nThe worker at ${rate} mails/s with ${concurrency} senders (built servers, page cache off) …`);
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PAGE_CACHE_SECONDS: '0',
		SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
		MAIL_RATE_PER_SECOND: String(rate),
		MAIL_CONCURRENCY: String(concurrency)
	};
	delete env.DATABASE_URL;
	delete env.APP_DATABASE_URL;
	delete env.WORKER_DATABASE_URL;
	const portal = startProcess(
		`portal-mail-${rate}`,
		[
			path.join(repoRoot, 'infra/scripts/portal.ts'),
			...['--mode', 'built', '--port-offset', String(PORT_OFFSET)],
			...['--data-dir', path.join(repoRoot, '.data/bench-mail-postgres'), '--pg-port', String(PG_PORT)],
			...(reset ? ['--reset'] : [])
		],
		env,
		/is running/,
		180_000
	);
	await portal.started;
	const owner = createDb({ connectionString: OWNER_URL, max: 1 });
	try {
		const { status } = await fetchText(`${SUS}/`);
		if (status !== 200) throw new Error(`SUS answered ${status}`);
		log(`Quiet (${DURATION} s per page, ${CONNECTIONS} connections):`);
		const quiet = await measurePages();

		log(`Queueing ${MAILS} mails …`);
		const before = received();
		await queueBatch(owner);
		const queuedAt = performance.now();
		log('While the worker sends:');
		const busy = await measurePages();
		const loadSeconds = (performance.now() - queuedAt) / 1000;
		const sentDuringLoad = received() - before;
		// At a relay's pace the rest would take many minutes: only a fast run waits for them all.
		let allSeconds: number | null = null;
		if (MAILS / rate <= 120) {
			while (received() - before < MAILS) {
				if (performance.now() - queuedAt > 10 * 60_000)
					throw new Error(`Only ${received() - before} of ${MAILS} mails arrived in 10 minutes.`);
				await sleep(100);
			}
			// Then another batch with no page load beside it: the worker's throughput alone.
			await owner.deleteFrom('mail_outbox').execute();
			const second = received();
			await queueBatch(owner);
			const aloneAt = performance.now();
			while (received() - second < MAILS) await sleep(100);
			allSeconds = (countedAt(second + MAILS) - aloneAt) / 1000;
			log(`${MAILS} mails alone in ${allSeconds.toFixed(1)} s: ${(MAILS / allSeconds).toFixed(0)} mails/s.`);
		} else {
			log(`${sentDuringLoad} mails in ${loadSeconds.toFixed(1)} s; the rest are dropped.`);
		}
		await owner.deleteFrom('mail_outbox').execute();
		return { rate, concurrency, quiet, busy, sentDuringLoad, loadSeconds, allSeconds };
	} finally {
		await owner.destroy();
		await portal.stop();
	}
}

/** The SMTP server's count as it reported it (every 200 ms), and when. */
let received = 0;
const counts: { count: number; at: number }[] = [];
/** When the count first reached `n`. */
const countedAt = (n: number) => counts.find((c) => c.count >= n)!.at;

const change = (quiet: number, busy: number) => (busy - quiet) / Math.max(quiet, 1);
const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)} %`;

async function main() {
	assertBuilt();
	await assertPortsFree([PG_PORT, SMTP_PORT, ...Array.from({ length: 10 }, (_, i) => 5170 + PORT_OFFSET + i)]);

	const sink = startProcess(
		'smtp-sink',
		[path.join(here, 'smtp-sink.ts')],
		{ ...process.env, PORT: String(SMTP_PORT) },
		/listening/,
		30_000
	);
	await sink.started;
	sink.onLine((line) => {
		const match = /^received (\d+)/.exec(line);
		if (match) {
			received = Number(match[1]);
			counts.push({ count: received, at: performance.now() });
		}
	});

	// The worker's defaults (what the target is about), then as fast as it goes (its throughput).
	const runs = [await runAt(20, 4, true, () => received), await runAt(RATE, 8, false, () => received)];
	await sink.stop();

	const lines = [
		'| Worker | Page | quiet req/s | quiet p99 (ms) | sending req/s | sending p99 (ms) | p99 change |',
		'| --- | --- | --: | --: | --: | --: | --: |',
		...runs.flatMap((run) =>
			run.quiet.map((q, i) => {
				const b = run.busy[i]!;
				return `| ${run.rate} mails/s, ${run.concurrency} senders | ${q.label} | ${q.rps.toFixed(0)} | ${q.p99} | ${b.rps.toFixed(0)} | ${b.p99} | ${pct(change(q.p99, b.p99))} |`;
			})
		)
	];
	const [normal, fast] = runs as [RateRun, RateRun];
	const worst = Math.max(...normal.quiet.map((q, i) => change(q.p99, normal.busy[i]!.p99)));
	const throughput = fast.allSeconds ? MAILS / fast.allSeconds : fast.sentDuringLoad / fast.loadSeconds;
	const cpus = os.cpus();
	const report = [
		'# Mail bench',
		'',
		`Run ${new Date().toISOString()} on ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}. The portal, its worker, PostgreSQL, the SMTP server (smtp-sink.ts, which parses every mail) and autocannon share the machine.`,
		'',
		`Throughput: ${MAILS} mails through the outbox with the worker allowed ${fast.rate} mails/s and ${fast.concurrency} senders: **${throughput.toFixed(0)} mails/s**${fast.allSeconds ? ` (${fast.allSeconds.toFixed(1)} s from the commit to the last mail received, with no page load beside it)` : ''}.`,
		'',
		`Pages on SUS (page cache off, ${CONNECTIONS} connections, ${DURATION} s each), quiet and while ${MAILS} mails wait in the outbox (at the default pace ${normal.sentDuringLoad} went out in ${normal.loadSeconds.toFixed(0)} s, at full speed ${fast.sentDuringLoad}):`,
		'',
		...lines,
		'',
		`Target: p99 at most +${MAX_P99_RISE * 100} % while sending at the worker's default pace (MAIL_RATE_PER_SECOND=20): **${worst <= MAX_P99_RISE ? 'met' : 'missed'}** (worst ${pct(worst)}).`,
		''
	].join('\n');
	const file = path.join(resultsDir, 'mail.md');
	await writeFile(file, await prettier.format(report, { parser: 'markdown', filepath: file }));
	log(`\nWritten to ${path.relative(repoRoot, file)}.`);
}

try {
	await main();
} catch (error) {
	console.error(error);
	process.exitCode = 1;
} finally {
	await stopAll();
}
