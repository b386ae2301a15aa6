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
	type SiteServer,
	type TestDatabase
} from './harness.ts';
import { checkNews } from './integrity.ts';
import { startNewsLoad } from './news-load.ts';

// PostgreSQL goes away under 50 editors saving news and comes back: an immediate shutdown, as a
// crash or a failover would (no checkpoint, open transactions cut off), then a start on the same data.
// The server is not restarted: its pool must drop the dead connections and open new ones.

const PG_PORT = 56410;
const SITE_PORT = 56411;
const CLIENTS = 50;
/** The bound: the server answers again this soon after PostgreSQL is back. */
const RECOVERY_LIMIT_MS = 10_000;

let database: TestDatabase;
let server: SiteServer;

before(async () => {
	database = await startDatabase('restart', PG_PORT);
	server = await startSite(SITE_PORT, database.appUrl, 'restart');
});

after(async () => {
	await server?.kill('SIGTERM');
	await database?.close();
});

test('a PostgreSQL restart under 50 saving clients loses no acknowledged save and halves none', async () => {
	const api = apiClient(server.origin, await signIn(server.origin, EDITOR));
	const prefix = `Omstartstest ${Date.now()}`;
	const load = startNewsLoad(api, prefix, CLIENTS);
	try {
		await waitFor('100 saves before the restart', async () => (load.acknowledged() >= 100 ? true : undefined), 60_000);

		const stoppedAt = Date.now();
		await database.restart('immediate');
		const backAt = Date.now();
		// Any signed-in read goes through the pool, so it proves the server reaches the database again.
		await Promise.race([
			waitFor(
				'the server answering after the restart',
				async () => ((await api.news.forEditing.query({ owner: { forbund: SITE } })) ? true : undefined),
				60_000
			),
			server.exited.then((how) => assert.fail(`the server stopped (${how}) when PostgreSQL restarted`))
		]);
		const recoveredMs = Date.now() - backAt;

		// The clients go on until each of them could have saved again.
		await waitFor('100 saves after the restart', async () => (load.acknowledgedSince(backAt) >= 100 ? true : undefined), 60_000);
		await load.stop();

		const figures = await checkNews(database.db, prefix, load.attempts);
		report(
			`${figures.acknowledged} saves answered OK, ${figures.found} found, ${figures.lost} lost; ` +
				`${figures.unanswered} not answered OK: ${figures.unansweredPresent} wholly there, ${figures.unansweredAbsent} absent`
		);
		report(`PostgreSQL away for ${backAt - stoppedAt} ms; the server answered ${recoveredMs} ms after it was back`);
		assert.deepEqual(figures.problems, []);
		assert.equal(figures.lost, 0);
		assert.ok(figures.unanswered > 0, 'the restart should have caught some saves in flight');
		assert.ok(recoveredMs <= RECOVERY_LIMIT_MS, `the server took ${recoveredMs} ms to answer again`);
		assert.equal(server.child.exitCode, null, 'the server kept running');
		assert.equal(server.child.signalCode, null, 'the server kept running');
	} finally {
		await load.stop();
	}
});
