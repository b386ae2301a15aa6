import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { sql } from 'kysely';
import {
	COORDINATOR,
	report,
	repoRoot,
	signIn,
	startDatabase,
	startSite,
	type SiteServer,
	type TestDatabase
} from './harness.ts';

// Every page and endpoint of one förbund site and the hub, over real HTTP from the built servers,
// with generated addresses, query strings and form posts, as a visitor and signed in (see SIGNED_IN):
// an answer, a redirect or a refusal (2xx, 3xx, 4xx), never a fault (5xx) or a page showing a
// stack, SQL or a validator's output. The routes come from the apps' own route folders, the forms
// (their action and fields) from the pages as served, so a new page is fuzzed without a word here.

const PG_PORT = 56430;
const PORTS = { sus: 56431, hub: 56432 } as const;
/**
 * Requests per route and caller: addresses with their query strings, and posts of each form. Sized
 * for `npm test` (about 15,000 requests, under two minutes on two cores); RP_FUZZ_PAGE_RUNS=500 gives
 * each route a thousand addresses for a longer run.
 */
const GETS_PER_ROUTE = Number(process.env.RP_FUZZ_PAGE_RUNS ?? 40);
const POSTS_PER_FORM = Math.max(1, Math.round(GETS_PER_ROUTE / 4));
/** Requests in flight at once, so both the client and the server keep working. */
const PARALLEL = 4;
const SEED = Number(process.env.RP_FUZZ_SEED ?? 20261204);
/** Who is signed in on each: the förbund's admin (also in its presidium) on its site, the region's coordinator on the hub. */
const SIGNED_IN: Record<'sus' | 'hub', string> = { sus: 'fc.sus@demo.regionportalen.se', hub: COORDINATOR };

type App = keyof typeof PORTS;
let database: TestDatabase;
const servers: Partial<Record<App, SiteServer>> = {};
const cookies: Partial<Record<App, string>> = {};

before(async () => {
	database = await startDatabase('fuzz', PG_PORT);
	for (const app of Object.keys(PORTS) as App[]) {
		servers[app] = await startSite(PORTS[app], database.appUrl, `fuzz-${app}`, app);
		cookies[app] = await signIn(servers[app].origin, SIGNED_IN[app]);
	}
});

after(async () => {
	await Promise.all(Object.values(servers).map((s) => s.kill('SIGTERM')));
	await database?.close();
});

/** The route patterns of an app, from its `src/routes` (`/[region]/nyheter/[slug]`), with what each serves. */
function routesOf(app: App): { pattern: string; kind: 'page' | 'endpoint' }[] {
	const root = path.join(repoRoot, 'apps', app, 'src/routes');
	const found: { pattern: string; kind: 'page' | 'endpoint' }[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = path.join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name === '+page.svelte' || name === '+server.ts') {
				const pattern =
					'/' +
					path
						.relative(root, dir)
						.split(path.sep)
						.filter((s) => s && !/^\(.*\)$/.test(s))
						.join('/');
				found.push({ pattern, kind: name === '+server.ts' ? 'endpoint' : 'page' });
			}
		}
	};
	walk(root);
	return found.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Values from the demo data for each kind of parameter, so generated addresses reach real pages too. */
async function realValues(): Promise<Record<string, string[]>> {
	const db = database.db;
	const pick = async (query: Promise<{ v: unknown }[]>) => (await query).map((r) => String(r.v));
	return {
		region: ['stockholm'],
		slug: [
			...(await pick(db.selectFrom('news').select('slug as v').limit(5).execute())),
			...(await pick(db.selectFrom('project').select('slug as v').limit(3).execute())),
			...(await pick(
				db
					.selectFrom('asf_enterprise')
					.select(sql<string>`id::text`.as('v'))
					.limit(2)
					.execute()
			))
		],
		id: (
			await pick(
				db
					.selectFrom('meeting_minutes')
					.select(sql<string>`id::text`.as('v'))
					.limit(3)
					.execute()
			)
		).concat(['1', '2', '5']),
		tag: await pick(
			db
				.selectFrom('news')
				.select(sql<string>`tag_slugs[1]`.as('v'))
				.where(sql<boolean>`cardinality(tag_slugs) > 0`)
				.limit(3)
				.execute()
		),
		year: ['2018', '2024', '2026'],
		path: await pick(db.selectFrom('content_page').select('slug as v').limit(3).execute()),
		trpc: ['news.list', 'sites.region', 'insatser.catalogue', 'minutes.list', 'asf.directory']
	};
}

const NASTY = fc.constantFrom(
	'',
	' ',
	'0',
	'-1',
	'99999999999',
	'1e400',
	'NaN',
	'null',
	'%',
	'%00',
	'%E0%A4%A',
	'..',
	'../../etc/passwd',
	'<script>alert(1)</script>',
	"' or 1=1 --",
	'å'.repeat(500),
	'😀',
	'\u0000',
	'2026-02-30',
	'ÅÄÖ'
);
const value = fc.oneof(
	{ weight: 3, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }) },
	{ weight: 2, arbitrary: NASTY }
);
const QUERY_KEYS = ['q', 'sida', 'till', 'typ', 'ar', 'amne', 'kommun', 'status', 'forbund', 'input', 'id', 'x'];

function addressArbitrary(pattern: string, real: Record<string, string[]>): fc.Arbitrary<string> {
	const segments = pattern.split('/').filter(Boolean);
	const parts = segments.map((segment) => {
		const param = /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment)?.[1];
		if (!param) return fc.constant(segment);
		const known = real[param] ?? [];
		return fc.oneof(
			{ weight: 3, arbitrary: known.length ? fc.constantFrom(...known) : value },
			{ weight: 2, arbitrary: value }
		);
	});
	const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 6 })), value), {
		maxLength: 3
	});
	return fc.tuple(fc.tuple(...parts), query).map(([ps, q]) => {
		const pathname = '/' + ps.map((p) => encodeURIComponent(p)).join('/');
		const search = new URLSearchParams(q).toString();
		return search ? `${pathname}?${search}` : pathname;
	});
}

/** What no page may show: the inside of the server. */
const INSIDE =
	/(\n\s+at .+:\d+:\d+|node_modules|TRPCError|ZodError|too_big|invalid_type|SQLSTATE|relation "|syntax error at)/;

const tally: Record<string, { requests: number; statuses: Record<number, number> }> = {};

async function send(app: App, who: 'visitor' | 'signed-in', pathAndQuery: string, init: RequestInit = {}) {
	const { origin } = servers[app]!;
	const headers = new Headers(init.headers);
	headers.set('accept', 'text/html');
	if (who === 'signed-in') headers.set('cookie', cookies[app]!);
	const response = await fetch(`${origin}${pathAndQuery}`, {
		...init,
		headers,
		redirect: 'manual',
		signal: AbortSignal.timeout(30_000)
	});
	const body = await response.text();
	const said = `${init.method ?? 'GET'} ${app}${pathAndQuery} as ${who} → ${response.status}`;
	assert.ok(response.status < 500, `${said}: ${body.slice(0, 400)}`);
	assert.doesNotMatch(body, INSIDE, `${said} shows the inside of the server`);
	return { status: response.status, body };
}

/** The POST forms of a page: their action and fields (the values served, to vary from). */
function formsIn(html: string, pageAddress: string): { action: string; fields: Record<string, string> }[] {
	const forms: { action: string; fields: Record<string, string> }[] = [];
	let current: (typeof forms)[number] | null = null;
	const parser = new Parser({
		onopentag(name, attrs) {
			if (name === 'form') {
				current =
					(attrs.method ?? '').toLowerCase() === 'post' ? { action: attrs.action || pageAddress, fields: {} } : null;
				if (current) forms.push(current);
			} else if (current && ['input', 'textarea', 'select', 'button'].includes(name) && attrs.name) {
				current.fields[attrs.name] = attrs.value ?? '';
			}
		},
		onclosetag(name) {
			if (name === 'form') current = null;
		}
	});
	parser.write(html);
	parser.end();
	return forms;
}

async function inParallel<T>(items: T[], run: (item: T) => Promise<void>) {
	const queue = [...items];
	await Promise.all(
		Array.from({ length: PARALLEL }, async () => {
			for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item);
		})
	);
}

/** Forms that would end the admin's session for the rest of the run. */
const SESSION_ENDING = /logga-ut|logoutEverywhere/;

for (const app of Object.keys(PORTS) as App[]) {
	test(`every route of ${app}, fuzzed over HTTP`, { timeout: 600_000 }, async () => {
		const real = await realValues();
		const routes = routesOf(app);
		assert.ok(routes.length > 30, `${app}: found ${routes.length} routes`);
		for (const route of routes) {
			const counted: (typeof tally)[string] = { requests: 0, statuses: {} };
			tally[`${app} ${route.pattern}`] = counted;
			const count = (status: number) => {
				counted.requests++;
				counted.statuses[status] = (counted.statuses[status] ?? 0) + 1;
			};
			for (const who of ['visitor', 'signed-in'] as const) {
				const addresses = fc.sample(addressArbitrary(route.pattern, real), { numRuns: GETS_PER_ROUTE, seed: SEED });
				await inParallel(addresses, async (address) => count((await send(app, who, address)).status));
				// The forms of the page at a real address, each posted with generated values in its fields.
				if (route.kind !== 'page') continue;
				const page = fc
					.sample(addressArbitrary(route.pattern, real), { numRuns: 1, seed: SEED + 1 })[0]!
					.split('?')[0]!;
				const served = await send(app, who, page);
				for (const form of formsIn(served.body, page).filter((f) => !SESSION_ENDING.test(f.action))) {
					const names = Object.keys(form.fields);
					const posts = fc.sample(
						fc.record(Object.fromEntries(names.map((n) => [n, fc.oneof(fc.constant(form.fields[n]!), value)]))),
						{ numRuns: POSTS_PER_FORM, seed: SEED }
					);
					const action = form.action.startsWith('?') ? `${page}${form.action}` : form.action;
					await inParallel(posts, async (fields) => {
						const { status } = await send(app, who, action, {
							method: 'POST',
							headers: { origin: servers[app]!.origin, 'content-type': 'application/x-www-form-urlencoded' },
							body: new URLSearchParams(fields as Record<string, string>)
						});
						count(status);
					});
				}
			}
		}
		// The signed-in half was signed in all along: the session outlived the run.
		assert.equal((await send(app, 'signed-in', '/konto')).status, 200, `${app}: the session ended during the run`);
		const total = Object.entries(tally).filter(([k]) => k.startsWith(`${app} `));
		report(`${app}: ${total.length} routes, ${total.reduce((n, [, t]) => n + t.requests, 0)} requests, no 5xx`);
		for (const [route, t] of total) report(`${route}: ${t.requests} (${JSON.stringify(t.statuses)})`);
	});
}
