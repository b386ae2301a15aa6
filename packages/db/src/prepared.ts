import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

// Named prepared statements for Kysely. Kysely sends every query unnamed, so PostgreSQL parses,
// analyses and plans it again each time; with row-level security, planning is often the larger part
// of a short read (the policies are planned into every statement). A named statement is parsed once
// per connection, and after five executions PostgreSQL may keep a generic plan for it.
//
// Every distinct SQL text of a data statement gets one name for the whole process (pg's client
// remembers, per connection, which names it has already parsed). Kysely builds the text from the
// query's shape and sends values as parameters, so an application has a few hundred texts at most;
// a cap keeps a runaway (say, `in (…)` lists of every length) from filling each backend's memory.

/** Statements worth preparing: reads and writes, not DDL, transaction control or session settings. */
const DATA_STATEMENT = /^\s*(select|with|insert|update|delete)\b/i;
const TRANSACTION_START = /^\s*(begin|start transaction)\b/i;
const TRANSACTION_END = /^\s*(commit|rollback|end)\s*;?\s*$/i;
/** PostgreSQL refuses a prepared statement whose result columns changed (a migration added one to `select *`). */
const STALE_PLAN = 'cached plan must not change result type';

export interface PreparedStatementOptions {
	/** At most this many distinct texts get a name; later ones run unnamed. */
	maxStatements?: number;
}

export class PreparedStatementPool implements PostgresPool {
	readonly #pool: pg.Pool;
	readonly #names = new Map<string, string>();
	readonly #max: number;
	/** One wrapper per pooled connection: Kysely keeps its own state per client object. */
	readonly #clients = new WeakMap<pg.PoolClient, PreparingClient>();
	// Kysely opens a side connection with these to cancel a query.
	readonly Client: PostgresPool['Client'];
	readonly options: object;

	constructor(pool: pg.Pool, { maxStatements = 500 }: PreparedStatementOptions = {}) {
		this.#pool = pool;
		this.#max = maxStatements;
		this.Client = (pool as { Client?: PostgresPool['Client'] }).Client;
		this.options = pool.options;
	}

	/** The statement's name, or undefined when it should run unnamed. */
	nameFor(text: string): string | undefined {
		const known = this.#names.get(text);
		if (known || !DATA_STATEMENT.test(text) || this.#names.size >= this.#max) return known;
		const name = `rp_${this.#names.size + 1}`;
		this.#names.set(text, name);
		return name;
	}

	get statementCount(): number {
		return this.#names.size;
	}

	async connect(): Promise<PostgresPoolClient> {
		const client = await this.#pool.connect();
		let wrapper = this.#clients.get(client);
		if (!wrapper) this.#clients.set(client, (wrapper = new PreparingClient(client, this)));
		return wrapper;
	}

	end(): Promise<void> {
		return this.#pool.end();
	}
}

class PreparingClient implements PostgresPoolClient {
	readonly #client: pg.PoolClient;
	readonly #pool: PreparedStatementPool;
	#inTransaction = false;
	/** Set when a statement's plan went stale: the connection, and the statements it holds, are dropped. */
	#discard: Error | undefined;

	constructor(client: pg.PoolClient, pool: PreparedStatementPool) {
		this.#client = client;
		this.#pool = pool;
	}

	/** The backend's process id, which Kysely uses to cancel a query. */
	get processID(): number | undefined {
		return (this.#client as { processID?: number }).processID;
	}

	query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
	query<R>(cursor: Parameters<PostgresPoolClient['query']>[0]): never;
	// Kysely's cursors (streaming) pass a Cursor object; they go through untouched.
	query(sqlOrCursor: unknown, parameters?: ReadonlyArray<unknown>): unknown {
		if (typeof sqlOrCursor !== 'string') return this.#client.query(sqlOrCursor as never);
		this.#track(sqlOrCursor);
		const values = parameters as unknown[];
		const name = this.#pool.nameFor(sqlOrCursor);
		if (!name) return this.#client.query(sqlOrCursor, values);
		return this.#client.query({ name, text: sqlOrCursor, values }).catch((error: Error) => {
			if (!error.message.includes(STALE_PLAN)) throw error;
			this.#discard = error;
			// Inside a transaction the error has already aborted it; outside, the read is simply
			// repeated unnamed (the connection is dropped on release).
			if (this.#inTransaction) throw error;
			return this.#client.query(sqlOrCursor, values);
		});
	}

	/** Kysely sends transaction control as these short plain statements (savepoints stay inside). */
	#track(sql: string) {
		if (sql.length > 80) return;
		if (TRANSACTION_START.test(sql)) this.#inTransaction = true;
		else if (TRANSACTION_END.test(sql)) this.#inTransaction = false;
	}

	release(destroy?: boolean): void {
		this.#client.release(destroy || this.#discard);
	}
}
