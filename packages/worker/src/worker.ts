import { run, type Runner, type TaskList } from 'graphile-worker';
import pg from 'pg';
import { createDb, type Db } from '@regionportalen/db/client';
import { JOB_QUEUE_SCHEMA, quietLogger } from '@regionportalen/db/job-queue';
import {
	createMailer,
	DEFAULT_MAIL_KEEP_DAYS,
	mailKeepDays,
	DEFAULT_SEND_POLICY,
	type Mailer,
	type SendPolicy
} from '@regionportalen/mail';
import { storageFromEnv, type MediaStorage } from '@regionportalen/media';
import { startDocumentExtractor, type DocumentExtractor, type ExtractionLimits } from './documents.ts';
import { startOutboxSender, type OutboxSender } from './outbox-sender.ts';
import { tick, type Schedule } from './scheduler.ts';
import { SCHEDULES, TASKS, type WorkerConfig } from './tasks.ts';

// One worker process: it sends the outbox, runs the queue's jobs, ticks the schedules, and extracts
// the text of new documents. Run as
// many as you like (each claims its own mails and jobs; the schedules enqueue once per period);
// each connects to PostgreSQL directly, as a member of rp_worker.

export interface WorkerOptions {
	databaseUrl: string;
	mailer?: Mailer;
	policy?: SendPolicy;
	ratePerSecond?: number;
	concurrency?: number;
	config?: WorkerConfig;
	schedules?: readonly Schedule[];
	/** The clock the schedules are read by (tests set it). */
	now?: () => Date;
	tickMs?: number;
	pollMs?: number;
	/** Where the documents' PDFs are read from (default: the media storage the environment names). */
	storage?: MediaStorage;
	extractionLimits?: ExtractionLimits;
}

export interface Worker {
	db: Db;
	stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<Worker> {
	const concurrency = options.concurrency ?? 4;
	const config = options.config ?? { mailKeepDays: DEFAULT_MAIL_KEEP_DAYS };
	const now = options.now ?? (() => new Date());
	const db = createDb({ connectionString: options.databaseUrl, max: concurrency + 2, prepare: false });
	const pgPool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
	// A connection the server drops (a restart, a failover) is reported, not left to stop the process.
	const dropped = (error: Error) => console.warn(`PostgreSQL dropped a connection: ${error.message}`);
	pgPool.on('error', dropped);
	pgPool.on('connect', (client) => client.on('error', dropped));

	const taskList: TaskList = Object.fromEntries(
		Object.entries(TASKS).map(([name, task]) => [name, (payload: unknown) => task(payload, db, config)])
	);
	let runner: Runner | undefined;
	let sender: OutboxSender | undefined;
	let ticker: NodeJS.Timeout | undefined;
	let extractor: DocumentExtractor | undefined;
	try {
		runner = await run({
			pgPool,
			schema: JOB_QUEUE_SCHEMA,
			taskList,
			concurrency: 2,
			noHandleSignals: true,
			// Its crontab reads UTC only: the schedules are ours (scheduler.ts).
			crontab: '',
			pollInterval: options.pollMs ?? 2000,
			logger: quietLogger
		});
		sender = await startOutboxSender({
			db,
			listenUrl: options.databaseUrl,
			mailer: options.mailer ?? createMailer(process.env, { pool: concurrency }),
			policy: options.policy ?? DEFAULT_SEND_POLICY,
			ratePerSecond: options.ratePerSecond ?? 20,
			concurrency,
			pollMs: options.pollMs
		});
		const schedules = options.schedules ?? SCHEDULES;
		const onTick = () =>
			tick(db, schedules, now()).catch((error: Error) => console.warn(`The scheduler failed: ${error.message}`));
		await onTick();
		ticker = setInterval(onTick, options.tickMs ?? 30_000);
		extractor = startDocumentExtractor({
			db,
			storage: options.storage ?? storageFromEnv(),
			limits: options.extractionLimits,
			pollMs: options.pollMs
		});
	} catch (error) {
		await Promise.allSettled([runner?.stop(), sender?.stop()]);
		await Promise.allSettled([db.destroy(), pgPool.end()]);
		throw error;
	}
	return {
		db,
		async stop() {
			clearInterval(ticker);
			await Promise.allSettled([runner?.stop(), sender?.stop(), extractor?.stop()]);
			await Promise.allSettled([db.destroy(), pgPool.end()]);
		}
	};
}

/** The worker's settings from the environment (see the README). */
export function workerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerOptions {
	const databaseUrl = env.WORKER_DATABASE_URL ?? env.DATABASE_URL;
	if (!databaseUrl) throw new Error('WORKER_DATABASE_URL (or DATABASE_URL) is not set.');
	const number = (name: string, fallback: number) => {
		const value = env[name] === undefined ? fallback : Number(env[name]);
		if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number.`);
		return value;
	};
	return {
		databaseUrl,
		ratePerSecond: number('MAIL_RATE_PER_SECOND', 20),
		concurrency: Math.round(number('MAIL_CONCURRENCY', 4)),
		policy: {
			maxAttempts: Math.round(number('MAIL_MAX_ATTEMPTS', DEFAULT_SEND_POLICY.maxAttempts)),
			retryBaseSeconds: number('MAIL_RETRY_BASE_SECONDS', DEFAULT_SEND_POLICY.retryBaseSeconds)
		},
		config: { mailKeepDays: mailKeepDays(env) }
	};
}
