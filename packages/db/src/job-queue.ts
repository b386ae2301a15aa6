import { Logger, runMigrations } from 'graphile-worker';
import pg from 'pg';

// The job queue is graphile-worker's: jobs live in PostgreSQL beside the data they are about, so a
// job is added in the same transaction as the change that calls for it (app_enqueue_job, migration
// 0015), and workers are woken by LISTEN/NOTIFY. Its schema is installed here, by `pnpm db migrate`
// as the database owner, never by a server or a worker at start; the worker's role (rp_worker) gets
// the rights to run jobs, the servers' role none at all beyond app_enqueue_job.

export const WORKER_ROLE = 'rp_worker';
export const JOB_QUEUE_SCHEMA = 'graphile_worker';

/** Only warnings and errors (everything with RP_DEBUG_QUEUE=1): a migration should not print the queue's chatter. */
export const quietLogger = new Logger(() => (level, message) => {
	if (level === 'error' || level === 'warning' || process.env.RP_DEBUG_QUEUE) console.warn(`[job queue] ${message}`);
});

/** Installs or upgrades the queue's schema, and grants the worker's role what running jobs needs. */
export async function installJobQueue(connectionString: string): Promise<void> {
	const pgPool = new pg.Pool({ connectionString, max: 1 });
	// graphile-worker asks for handlers (and warns without them): a dropped connection fails the run.
	const dropped = (error: Error) => console.warn(`PostgreSQL dropped a connection: ${error.message}`);
	pgPool.on('error', dropped);
	pgPool.on('connect', (client) => client.on('error', dropped));
	try {
		await runMigrations({ pgPool, schema: JOB_QUEUE_SCHEMA, logger: quietLogger });
		// Every time, not once: an upgrade of the queue may add tables or functions.
		await pgPool.query(`
			grant usage on schema ${JOB_QUEUE_SCHEMA} to ${WORKER_ROLE};
			grant select, insert, update, delete on all tables in schema ${JOB_QUEUE_SCHEMA} to ${WORKER_ROLE};
			grant usage, select, update on all sequences in schema ${JOB_QUEUE_SCHEMA} to ${WORKER_ROLE};
			grant execute on all functions in schema ${JOB_QUEUE_SCHEMA} to ${WORKER_ROLE};
		`);
		// The queue keeps row-level security on its tables (for its owner's sake); the worker sees all.
		await pgPool.query(`
			do $$ declare t record; begin
				for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
					where n.nspname = '${JOB_QUEUE_SCHEMA}' and c.relkind = 'r' and c.relrowsecurity
				loop
					execute format('drop policy if exists worker_all on ${JOB_QUEUE_SCHEMA}.%I', t.relname);
					execute format('create policy worker_all on ${JOB_QUEUE_SCHEMA}.%I for all to ${WORKER_ROLE} using (true) with check (true)', t.relname);
				end loop;
			end $$;
		`);
	} finally {
		await pgPool.end();
	}
}
