import pg from 'pg';
import pThrottle from 'p-throttle';
import type { Db } from '@regionportalen/db/client';
import { sendNextMail, type Mailer, type SendPolicy } from '@regionportalen/mail';

// Sends the outbox: `concurrency` senders claim due mails one at a time, together no faster than
// `ratePerSecond` (SMTP relays throttle, and refuse a sender that floods them). They sleep when
// nothing is due, and wake on the outbox's notification (a mail was added) or after `pollMs` (a
// retry fell due).

export interface OutboxSenderOptions {
	db: Db;
	/** For LISTEN: a direct connection (LISTEN does not pass a transaction-mode pooler). */
	listenUrl: string;
	mailer: Mailer;
	policy: SendPolicy;
	ratePerSecond: number;
	concurrency: number;
	pollMs?: number;
}

export interface OutboxSender {
	stop(): Promise<void>;
}

export async function startOutboxSender(options: OutboxSenderOptions): Promise<OutboxSender> {
	const { db, mailer, policy, concurrency, pollMs = 5000 } = options;
	let stopped = false;
	const sleepers: (() => void)[] = [];
	const wakeAll = () => {
		for (const wake of sleepers.splice(0)) wake();
	};
	// A sleeper that wakes by its timer leaves the list too: an idle worker must not collect them.
	const sleep = () =>
		new Promise<void>((resolve) => {
			const wake = () => {
				clearTimeout(timer);
				const i = sleepers.indexOf(wake);
				if (i >= 0) sleepers.splice(i, 1);
				resolve();
			};
			const timer = setTimeout(wake, pollMs);
			sleepers.push(wake);
		});

	const listener = new pg.Client({ connectionString: options.listenUrl });
	listener.on('notification', wakeAll);
	// A dropped listener only costs latency (the senders still poll); it is not worth stopping for.
	listener.on('error', (error) => console.warn(`The outbox listener failed: ${error.message}`));
	await listener.connect();
	await listener.query('listen mail_outbox');

	const throttle = pThrottle({ limit: Math.max(1, options.ratePerSecond), interval: 1000 });
	const sendOne = throttle(() => sendNextMail(db, mailer, policy));

	const loop = async () => {
		while (!stopped) {
			try {
				if (!(await sendOne())) await sleep();
			} catch (error) {
				// The database is away: wait, and try again.
				console.warn(`Sending the outbox failed: ${(error as Error).message}`);
				await sleep();
			}
		}
	};
	const loops = Array.from({ length: concurrency }, loop);

	return {
		async stop() {
			stopped = true;
			wakeAll();
			await Promise.all(loops);
			await listener.end().catch(() => undefined);
		}
	};
}
