// `pnpm bench:mail`: how fast the worker sends the outbox, and what sending 10,000 mails does to
// the pages.
//
// 1. Starts an SMTP server (smtp-sink.ts, port 2600) and the portal on the built servers (`pnpm build`
//    first) with its worker, on a database and ports of their own (PostgreSQL on 54369 under
//    .data/bench-mail-postgres, reset; SUS on 5571), the page cache off (every request reaches
//    PostgreSQL, which the worker uses too), the worker at MAIL_BENCH_RATE mails/s (default 1000)
//    with 8 senders.
// 2. Load-tests SUS's start page and news list with autocannon (10 connections, BENCH_DURATION s):
//    quiet.
// 3. Queues 10,000 mails in one transaction, as a grant would, and load-tests the same pages while
//    the worker sends them; then waits until the SMTP server has them all.
// 4. Prints a Markdown table, and writes it with the machine's facts to tests/load/results/mail.md.

import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '@regionportalen/db/client';
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
	{ label: 'News list p. 5', path: '/nyheter?sida=5' }
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

async function main() {
	assertBuilt();
	await assertPortsFree([PG_PORT, SMTP_PORT, ...Array.from({ length: 10 }, (_, i) => 5170 + PORT_OFFSET + i)]);

	let received = 0;
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
		if (match) received = Number(match[1]);
	});

	log('Starting the portal and its worker (built servers, page cache off, fresh database) …');
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PAGE_CACHE_SECONDS: '0',
		SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
		MAIL_RATE_PER_SECOND: String(RATE),
		MAIL_CONCURRENCY: '8'
	};
	delete env.DATABASE_URL;
	delete env.APP_DATABASE_URL;
	delete env.WORKER_DATABASE_URL;
	const portal = startProcess(
		'portal-mail',
		[
			path.join(repoRoot, 'infra/scripts/portal.ts'),
			...['--mode', 'built', '--port-offset', String(PORT_OFFSET)],
			...['--data-dir', path.join(repoRoot, '.data/bench-mail-postgres'), '--pg-port', String(PG_PORT), '--reset']
		],
		env,
		/is running/,
		180_000
	);
	await portal.started;
	const { status } = await fetchText(`${SUS}/`);
	if (status !== 200) throw new Error(`SUS answered ${status}`);

	log(`\nQuiet (${DURATION} s per page, ${CONNECTIONS} connections):`);
	const quiet = await measurePages();

	log(`\nQueueing ${MAILS} mails …`);
	const owner = createDb({ connectionString: OWNER_URL, max: 1 });
	const before = received;
	await owner.transaction().execute(async (trx) => {
		for (let i = 0; i < MAILS; i++) {
			await queueMail(trx, {
				to: `mottagare${i}@bench.example`,
				subject: `Utskick ${i}`,
				text: `Hej! Utskick nummer ${i}.`
			});
		}
	});
	const queuedAt = performance.now();
	log(`While the worker sends (at most ${RATE} mails/s):`);
	const busy = await measurePages();
	const sentDuringLoad = received - before;
	while (received - before < MAILS) {
		if (performance.now() - queuedAt > 15 * 60_000)
			throw new Error(`Only ${received - before} of ${MAILS} mails arrived in 15 minutes.`);
		await sleep(100);
	}
	const seconds = (performance.now() - queuedAt) / 1000;
	const failed = await owner
		.selectFrom('mail_outbox')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('status', '!=', 'sent')
		.executeTakeFirstOrThrow();
	await owner.destroy();
	const rate = MAILS / seconds;
	log(
		`\n${MAILS} mails in ${seconds.toFixed(1)} s: ${rate.toFixed(0)} mails/s (${sentDuringLoad} during the page load); not sent: ${failed.n}.`
	);

	const lines = [
		'| Page | quiet req/s | quiet p99 (ms) | sending req/s | sending p99 (ms) | p99 change |',
		'| --- | --: | --: | --: | --: | --: |',
		...quiet.map((q, i) => {
			const b = busy[i]!;
			return `| ${q.label} | ${q.rps.toFixed(0)} | ${q.p99} | ${b.rps.toFixed(0)} | ${b.p99} | ${(((b.p99 - q.p99) / Math.max(q.p99, 1)) * 100).toFixed(0)} % |`;
		})
	];
	const worst = Math.max(...quiet.map((q, i) => (busy[i]!.p99 - q.p99) / Math.max(q.p99, 1)));
	const verdict = worst <= MAX_P99_RISE ? 'met' : 'missed';
	const cpus = os.cpus();
	const report = [
		'# Mail bench',
		'',
		`Run ${new Date().toISOString()} on ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}.`,
		'',
		`${MAILS} mails through the outbox to a test SMTP server (smtp-sink.ts) with the worker at most ${RATE} mails/s and 8 senders: **${rate.toFixed(0)} mails/s** (${seconds.toFixed(1)} s from the commit to the last mail received; not sent: ${failed.n}).`,
		'',
		`Pages on SUS (page cache off, ${CONNECTIONS} connections, ${DURATION} s each), quiet and while the worker sends (${sentDuringLoad} mails went out during the second run):`,
		'',
		...lines,
		'',
		`Target: p99 at most +${MAX_P99_RISE * 100} % while sending: **${verdict}** (worst ${(worst * 100).toFixed(0)} %).`,
		''
	].join('\n');
	const file = path.join(resultsDir, 'mail.md');
	await writeFile(file, await prettier.format(report, { parser: 'markdown', filepath: file }));
	log(`\nWritten to ${path.relative(repoRoot, file)}.`);
	await portal.stop();
	await sink.stop();
}

try {
	await main();
} catch (error) {
	console.error(error);
	process.exitCode = 1;
} finally {
	await stopAll();
}
