import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
	apiClient,
	EDITOR,
	report,
	signIn,
	SITE,
	startDatabase,
	startSite,
	waitFor,
	type ApiClient,
	type SiteServer,
	type TestDatabase
} from './harness.ts';
import { checkNews } from './integrity.ts';
import { startNewsLoad } from './news-load.ts';

// PostgreSQL goes away under 50 editors saving news through two servers, and comes back: first a
// fast shutdown (open transactions rolled back, clients told), then an immediate one, as a crash
// would (no checkpoint, connections cut). The servers are not restarted: their pools must drop the
// dead connections and open new ones.

const PG_PORT = 56410;
const SITE_PORTS = [56411, 56412];
const CLIENTS = 50;
const SAVES_BETWEEN = 100;
/** The bound: the servers answer again this soon after PostgreSQL is back. */
const RECOVERY_LIMIT_MS = 10_000;

let database: TestDatabase;
const servers: SiteServer[] = [];

before(async () => {
	database = await startDatabase('restart', PG_PORT);
	for (const [i, port] of SITE_PORTS.entries())
		servers.push(await startSite(port, database.appUrl, `restart-${i + 1}`));
});

after(async () => {
	await Promise.all(servers.map((server) => server.kill('SIGTERM')));
	await database?.close();
});

/** Milliseconds until a signed-in read through the server's pool works again; fails if the server dies. */
async function recovery(server: SiteServer, api: ApiClient, since: number): Promise<number> {
	await Promise.race([
		waitFor(
			`${server.origin} answering after the restart`,
			async () => ((await api.news.forEditing.query({ owner: { forbund: SITE } })) ? true : undefined),
			60_000
		),
		server.exited.then((how) => assert.fail(`${server.origin} stopped (${how}) when PostgreSQL restarted`))
	]);
	return Date.now() - since;
}

test('PostgreSQL restarted under 50 saving clients: no acknowledged save lost, none halved, servers back at once', async () => {
	const prefix = `Omstartstest ${Date.now()}`;
	const apis: ApiClient[] = [];
	for (const server of servers) apis.push(apiClient(server.origin, await signIn(server.origin, EDITOR)));
	const loads = apis.map((api, i) => startNewsLoad(api, `${prefix} s${i + 1}`, CLIENTS / apis.length));
	const acknowledgedSince = (at: number) => loads.reduce((sum, load) => sum + load.acknowledgedSince(at), 0);
	const recoveries: number[] = [];
	try {
		let since = 0;
		for (const mode of ['fast', 'immediate'] as const) {
			await waitFor(
				`${SAVES_BETWEEN} saves before the ${mode} restart`,
				async () => (acknowledgedSince(since) >= SAVES_BETWEEN ? true : undefined),
				60_000
			);
			const stoppedAt = Date.now();
			await database.restart(mode);
			since = Date.now();
			const times = await Promise.all(servers.map((server, i) => recovery(server, apis[i]!, since)));
			recoveries.push(...times);
			report(
				`${mode} restart: PostgreSQL away ${since - stoppedAt} ms; servers answered after ${times.join(' and ')} ms`
			);
		}
		// The clients go on until each of them could have saved again.
		await waitFor(
			`${SAVES_BETWEEN} saves after the restarts`,
			async () => (acknowledgedSince(since) >= SAVES_BETWEEN ? true : undefined),
			60_000
		);
	} finally {
		await Promise.all(loads.map((load) => load.stop()));
	}

	const figures = await checkNews(
		database.db,
		prefix,
		loads.flatMap((load) => load.attempts)
	);
	report(
		`${figures.acknowledged} saves answered OK, ${figures.found} found, ${figures.lost} lost; ` +
			`${figures.unanswered} not answered OK: ${figures.unansweredPresent} wholly there, ${figures.unansweredAbsent} absent; ` +
			`${figures.items} items checked`
	);
	assert.deepEqual(figures.problems, []);
	assert.equal(figures.lost, 0);
	assert.ok(figures.unanswered > 0, 'the restarts should have caught some saves in flight');
	for (const ms of recoveries) assert.ok(ms <= RECOVERY_LIMIT_MS, `a server took ${ms} ms to answer again`);
	for (const server of servers) {
		assert.equal(server.child.exitCode, null, `${server.origin} kept running`);
		assert.equal(server.child.signalCode, null, `${server.origin} kept running`);
	}
});
