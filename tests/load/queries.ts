// Where a page's time goes in the database: runs the site-kit load functions of the five
// benchmarked pages (the same code the built servers run, layout and page in parallel as SvelteKit
// does) against a running bench database, as the servers' login (so row-level security applies),
// with a Kysely that logs every statement and its duration. Then EXPLAIN ANALYZEs the slowest
// distinct statements in the same role and transaction setting.
//
//   pnpm bench            # leaves the seeded database in .data/bench-postgres
//   node infra/scripts/portal.ts --mode built --port-offset 300 --data-dir .data/bench-postgres \
//       --pg-port 54359 &   # a portal on the seeded database
//   pnpm --filter @regionportalen/load run queries [--explain]

import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Database } from '@regionportalen/db';
import { loadLayout, type SiteConfig, type SiteLocals } from '@regionportalen/site-kit/core/server';
import { loadArticlePage, loadNewsList, loadSearch } from '@regionportalen/site-kit/news/server';
import { loadForbundStart, loadHubStart } from '@regionportalen/site-kit/sites/server';
import hubConfig from '../../apps/hub/site.config.ts';
import susConfig from '../../apps/sus/site.config.ts';

const APP_URL = 'postgres://regionportalen_web:regionportalen-web-dev@127.0.0.1:54359/regionportalen';
const OWNER_URL = 'postgres://postgres:regionportalen-dev@127.0.0.1:54359/regionportalen';
const explain = process.argv.includes('--explain');
const rounds = 20;

interface Logged {
	sql: string;
	parameters: readonly unknown[];
	ms: number;
}
let logged: Logged[] = [];
const pool = new pg.Pool({ connectionString: APP_URL, max: 10 });
const db = new Kysely<Database>({
	dialect: new PostgresDialect({ pool }),
	log(event) {
		if (event.level === 'query') {
			const q: CompiledQuery = event.query;
			logged.push({ sql: q.sql, parameters: q.parameters, ms: event.queryDurationMillis });
		}
	}
});

const owner = new pg.Client({ connectionString: OWNER_URL });
await owner.connect();
const { rows } = await owner.query(
	`select n.slug from news n join forbund f on f.id = n.forbund_id
	 where f.slug = 'sus' and n.status = 'published' and n.published_at <= now()
	 order by n.published_at desc, n.id desc offset 700 limit 1`
);
await owner.end();
const slug = rows[0]?.slug as string;

const locals = (site: SiteConfig, origin: string): SiteLocals => ({
	db,
	site,
	origin,
	user: null,
	session: null,
	twoFactor: null,
	pending: null,
	privileged: false,
	featureOff: false,
	clientAddress: '127.0.0.1'
});
const event = (site: SiteConfig, origin: string, path: string, params: Record<string, string> = {}) =>
	({ locals: locals(site, origin), url: new URL(path, origin), params }) as never;

const hub = (path: string) => event(hubConfig as SiteConfig, 'http://localhost:5470', path);
const sus = (path: string, params: Record<string, string> = {}) =>
	event(susConfig as SiteConfig, 'http://localhost:5471', path, params);

/** Layout and page load in parallel, as SvelteKit runs them when the page does not await its parent. */
const pages: [string, () => Promise<unknown>][] = [
	['Hub start', () => Promise.all([loadLayout(hub('/')), loadHubStart(hub('/'))])],
	['SUS start', () => Promise.all([loadLayout(sus('/')), loadForbundStart(sus('/'))])],
	[
		'Article',
		() => Promise.all([loadLayout(sus(`/nyheter/${slug}`)), loadArticlePage(sus(`/nyheter/${slug}`, { slug }))])
	],
	['News list p. 50', () => Promise.all([loadLayout(sus('/nyheter?sida=50')), loadNewsList(sus('/nyheter?sida=50'))])],
	['Search', () => Promise.all([loadLayout(sus('/sok?q=rehabilitering')), loadSearch(sus('/sok?q=rehabilitering'))])]
];

const slowest = new Map<string, Logged>();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

for (const [label, load] of pages) {
	const walls: number[] = [];
	let perRequest: Logged[] = [];
	for (let i = 0; i < rounds; i++) {
		logged = [];
		const t = performance.now();
		await load();
		walls.push(performance.now() - t);
		perRequest = logged;
	}
	const statements = perRequest.filter((q) => !/^(begin|commit|rollback)$/i.test(q.sql.trim()));
	const transactions = perRequest.filter((q) => /^begin$/i.test(q.sql.trim())).length;
	console.log(
		`\n${label}: ${median(walls).toFixed(1)} ms per load (median of ${rounds}, one at a time); ` +
			`${perRequest.length} round trips: ${transactions} transactions, ${statements.length} statements`
	);
	const byText = new Map<string, { n: number; ms: number; sample: Logged }>();
	for (const q of statements) {
		const key = q.sql.replace(/\s+/g, ' ');
		const entry = byText.get(key) ?? { n: 0, ms: 0, sample: q };
		entry.n++;
		entry.ms += q.ms;
		byText.set(key, entry);
	}
	for (const [text, { n, ms, sample }] of [...byText].sort((a, b) => b[1].ms - a[1].ms)) {
		console.log(`  ${ms.toFixed(1).padStart(7)} ms  ×${n}  ${text.slice(0, 150)}`);
		if (ms / n > 2 && !slowest.has(text)) slowest.set(text, sample);
	}
}

if (explain) {
	for (const [text, q] of slowest) {
		console.log(
			`\n--- EXPLAIN ANALYZE (as the servers' login, RLS applies):\n${text}\n-- parameters: ${JSON.stringify(q.parameters)}`
		);
		await db.transaction().execute(async (trx) => {
			await sql`select set_config('app.user_id', '', true)`.execute(trx);
			const plan = await trx.executeQuery<{ 'QUERY PLAN': string }>({
				sql: `explain (analyze, buffers, costs off) ${q.sql}`,
				parameters: q.parameters,
				query: q as never,
				queryId: { queryId: 'explain' }
			} as never);
			for (const row of plan.rows) console.log(row['QUERY PLAN']);
		});
	}
}
await db.destroy();
