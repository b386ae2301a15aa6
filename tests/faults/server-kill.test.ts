import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
	apiClient,
	COORDINATOR,
	EDITOR,
	report,
	signIn,
	sleep,
	startDatabase,
	startSite,
	waitFor,
	type SiteServer,
	type TestDatabase
} from './harness.ts';
import { checkMinutes, checkNews } from './integrity.ts';
import { startMinutesLoad } from './minutes-load.ts';
import { startNewsLoad } from './news-load.ts';

// The site server killed outright (SIGKILL: no handler runs, no connection is closed politely) at 20
// random moments while editors save news and a coordinator saves minutes. PostgreSQL sees its
// connections vanish mid-transaction and must roll each one back whole.

const PG_PORT = 56420;
const SITE_PORT = 56421;
const POINTS = 20;
const NEWS_CLIENTS = 8;
const MINUTES_CLIENTS = 4;
/** How long after a start the kill may come: from a save or two in flight to many. */
const KILL_AFTER_MS: [number, number] = [50, 1200];

let database: TestDatabase;
let server: SiteServer | undefined;

before(async () => {
	database = await startDatabase('kill', PG_PORT);
});

after(async () => {
	await server?.kill('SIGTERM');
	await database?.close();
});

test('a server killed at 20 random moments of a write load leaves no half-written item, revision or minutes', async () => {
	server = await startSite(SITE_PORT, database.appUrl, 'kill');
	// Sessions live in the database, so the same sign-ins hold across the restarts.
	const editor = apiClient(server.origin, await signIn(server.origin, EDITOR));
	const coordinator = apiClient(server.origin, await signIn(server.origin, COORDINATOR));
	const startedAt = new Date();
	const prefix = `Dödstest ${startedAt.getTime()}`;
	const news = startNewsLoad(editor, prefix, NEWS_CLIENTS);
	const minutes = startMinutesLoad(coordinator, prefix, MINUTES_CLIENTS);
	const acknowledged = () => news.acknowledged() + minutes.acknowledged();
	const points: number[] = [];
	try {
		for (let point = 1; point <= POINTS; point++) {
			if (!server) server = await startSite(SITE_PORT, database.appUrl, 'kill');
			// A random moment, not a wait for a state: the load runs on its own meanwhile.
			const at = randomInt(...KILL_AFTER_MS);
			await sleep(at);
			points.push(at);
			assert.equal(await server.kill('SIGKILL'), 'SIGKILL');
			server = undefined;
		}
		server = await startSite(SITE_PORT, database.appUrl, 'kill');
		const before = acknowledged();
		// The load goes on against the last server until every client could have saved again.
		await waitFor(
			'saves after the last restart',
			async () => (acknowledged() >= before + 40 ? true : undefined),
			60_000
		);
	} finally {
		await news.stop();
		await minutes.stop();
	}

	const newsFigures = await checkNews(database.db, prefix, news.attempts);
	const minutesFigures = await checkMinutes(database.db, prefix, startedAt, minutes.attempts);
	report(`killed at ${points.length} points (ms after each start: ${points.join(', ')})`);
	report(
		`news: ${newsFigures.acknowledged} saves acknowledged, ${newsFigures.found} found, ${newsFigures.lost} lost; ` +
			`${newsFigures.unanswered} unanswered: ${newsFigures.unansweredPresent} wholly there, ${newsFigures.unansweredAbsent} absent; ` +
			`${newsFigures.items} items checked`
	);
	report(
		`minutes: ${minutesFigures.acknowledged} saves acknowledged, ${minutesFigures.found} found, ${minutesFigures.lost} lost; ` +
			`${minutesFigures.unanswered} unanswered; ${minutesFigures.meetings} minutes checked`
	);
	assert.equal(points.length, POINTS);
	assert.deepEqual(newsFigures.problems, []);
	assert.deepEqual(minutesFigures.problems, []);
	assert.ok(newsFigures.acknowledged > 0 && minutesFigures.acknowledged > 0, 'both loads saved');
	assert.ok(newsFigures.unanswered > 0, 'some kills should have caught saves in flight');
});
