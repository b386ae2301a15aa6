import { sql, type Kysely } from 'kysely';
import type { Database } from '@regionportalen/db';

// Run it in the caller's transaction (the procedure's tenant transaction), never on the pool.
// GDPR articles 15 and 17: each domain declares, in its index.ts, where it holds personal data and
// what erasure does to it. One engine reads those declarations for both export and erase, so a
// declaration cannot say one thing while hand-written code does another; the coverage test
// (packages/api/test/personal-data.test.ts) compares them with the live schema.

/**
 * Whose data: a person's account, their e-mail address (for someone without an account, or the
 * address of one, which also finds mail and contacts written to it), or both.
 */
export type DataSubject = { userId?: number; email?: string };

/**
 * Which part: everything (the platform admin), or one förbund's (its admin): then only tables with a
 * förbund of their own are handled, and only their rows of that förbund.
 */
export type DataScope = { forbundId: number } | 'all';

/**
 * What erasure does to the rows a column points out:
 * - `delete`: the row exists only because of the person (sessions, tokens, memberships);
 * - `unlink`: the row is the organisation's (news, minutes, insatser); the link to the person is set
 *   to the column's default (null for account links, '' for a contact's address), or for a contact
 *   list the person's entry is taken out;
 * - `keep`: a record that the archive rules keep as it is (approved minutes' attendee names, the
 *   audit log); exported, never changed.
 */
export type EraseAction = 'delete' | 'unlink' | 'keep';

export interface PersonalColumn {
	table: keyof Database & string;
	column: string;
	/**
	 * How the column names the person: their account id, their e-mail address, a JSON list of contacts
	 * ({ name, email, phone }) holding their address, or neither (it lies beside a column that does).
	 */
	identifies: 'user' | 'email' | 'contacts' | 'none';
	erase: EraseAction;
	/** Columns about the same person in the row (a contact's name beside its address), cleared with it. */
	with?: readonly string[];
	/** The row's columns to export, when the servers may not read them all (the outbox's sealed body). */
	exports?: readonly string[];
	/** Why a `keep` or `none` column stays: the archive rule or purpose. */
	reason?: string;
}

export interface PersonalDataRegistration {
	domain: string;
	columns: readonly PersonalColumn[];
}

export interface DomainExport {
	domain: string;
	tables: Record<string, Record<string, unknown>[]>;
}

export type TableErasure = {
	deleted: number;
	unlinked: number;
	kept: number;
};

export interface DomainErasure {
	domain: string;
	tables: Record<string, TableErasure>;
}

function matches(column: PersonalColumn, subject: DataSubject, owner: string | null, scope: DataScope) {
	const ref = sql.ref(column.column);
	const condition =
		column.identifies === 'user' && subject.userId !== undefined
			? sql<boolean>`${ref} = ${subject.userId}`
			: column.identifies === 'email' && subject.email !== undefined
				? sql<boolean>`lower(${ref}) = lower(${subject.email})`
				: column.identifies === 'contacts' && subject.email !== undefined
					? sql<boolean>`exists (select from jsonb_array_elements(${ref}) as c where lower(c ->> 'email') = lower(${subject.email}))`
					: null;
	if (!condition || scope === 'all') return condition;
	return owner ? sql<boolean>`(${condition}) and ${sql.ref(owner)} = ${scope.forbundId}` : null;
}

/** The column naming each registered table's förbund (forbund_id, or id on forbund itself), if any. */
async function forbundColumns(trx: Kysely<Database>, tables: string[]): Promise<Map<string, string>> {
	const { rows } = await sql<{ table_name: string }>`
		select table_name from information_schema.columns
		where table_schema = 'public' and column_name = 'forbund_id' and table_name = any (${tables})`.execute(trx);
	return new Map([['forbund', 'id'], ...rows.map((r) => [r.table_name, 'forbund_id'] as const)]);
}

/** The SET list that unlinks the subject from a column (and its companions). */
const unlinking = (column: PersonalColumn, subject: DataSubject) => {
	const ref = sql.ref(column.column);
	if (column.identifies === 'contacts' && subject.email !== undefined)
		return sql`${ref} = coalesce((select jsonb_agg(c) from jsonb_array_elements(${ref}) as c
			where lower(c ->> 'email') is distinct from lower(${subject.email})), '[]'::jsonb)`;
	return sql.join([column.column, ...(column.with ?? [])].map((name) => sql`${sql.ref(name)} = default`));
};

/** Every row in the registered tables that names the subject, as plain JSON, per domain and table. */
export async function exportPersonalData(
	trx: Kysely<Database>,
	registrations: readonly PersonalDataRegistration[],
	subject: DataSubject,
	scope: DataScope
): Promise<DomainExport[]> {
	const result: DomainExport[] = [];
	const owners = await forbundColumns(trx, tablesOf(registrations));
	for (const registration of registrations) {
		const tables: DomainExport['tables'] = {};
		for (const [table, columns] of groupByTable(registration.columns)) {
			const conditions = columns
				.map((c) => matches(c, subject, owners.get(table) ?? null, scope))
				.filter((c) => c !== null);
			if (conditions.length === 0) continue;
			const listed = columns.find((c) => c.exports)?.exports;
			const selection = listed ? sql.join(listed.map((name) => sql.ref(name))) : sql`*`;
			const { rows } = await sql<Record<string, unknown>>`
				select ${selection} from ${sql.table(table)} where ${sql.join(conditions, sql` or `)} order by 1`.execute(trx);
			if (rows.length > 0) tables[table] = rows.map(withoutSecrets);
		}
		result.push({ domain: registration.domain, tables });
	}
	return result;
}

/** Deletes or unlinks as each column declares; the caller's transaction makes it all-or-nothing. */
export async function erasePersonalData(
	trx: Kysely<Database>,
	registrations: readonly PersonalDataRegistration[],
	subject: DataSubject,
	scope: DataScope
): Promise<DomainErasure[]> {
	const result: DomainErasure[] = registrations.map((r) => ({ domain: r.domain, tables: {} }));
	const owners = await forbundColumns(trx, tablesOf(registrations));
	// The account row goes last: deleting it cascades to memberships, sessions and tokens, which
	// would otherwise be counted as nothing erased.
	const work = registrations
		.flatMap((registration, i) =>
			[...groupByTable(registration.columns)].map(([table, columns]) => ({ i, table, columns }))
		)
		.sort((a, b) => Number(a.table === 'app_user') - Number(b.table === 'app_user'));
	for (const { i, table, columns } of work) {
		const counts: TableErasure = { deleted: 0, unlinked: 0, kept: 0 };
		// Deletes first: a row that goes needs no unlinking.
		for (const column of columns.filter((c) => c.erase === 'delete')) {
			const condition = matches(column, subject, owners.get(table) ?? null, scope);
			if (!condition) continue;
			const r = await sql`delete from ${sql.table(table)} where ${condition}`.execute(trx);
			counts.deleted += Number(r.numAffectedRows ?? 0);
		}
		for (const column of columns.filter((c) => c.erase === 'unlink')) {
			const condition = matches(column, subject, owners.get(table) ?? null, scope);
			if (!condition) continue;
			const r = await sql`update ${sql.table(table)} set ${unlinking(column, subject)} where ${condition}`.execute(trx);
			counts.unlinked += Number(r.numAffectedRows ?? 0);
		}
		for (const column of columns.filter((c) => c.erase === 'keep')) {
			const condition = matches(column, subject, owners.get(table) ?? null, scope);
			if (!condition) continue;
			const { rows } = await sql<{
				n: string;
			}>`select count(*) as n from ${sql.table(table)} where ${condition}`.execute(trx);
			counts.kept += Number(rows[0]?.n ?? 0);
		}
		if (counts.deleted + counts.unlinked + counts.kept > 0) result[i]!.tables[table] = counts;
	}
	return result;
}

const tablesOf = (registrations: readonly PersonalDataRegistration[]) => [
	...new Set(registrations.flatMap((r) => r.columns.map((c) => c.table)))
];

function groupByTable(columns: readonly PersonalColumn[]): Map<string, PersonalColumn[]> {
	const map = new Map<string, PersonalColumn[]>();
	for (const c of columns) map.set(c.table, [...(map.get(c.table) ?? []), c]);
	return map;
}

// Secrets (password and code hashes, sealed bodies, TOTP seeds) are the platform's means of checking
// the person, not information about them, and must never leave the database.
const SECRET = /(hash|secret|sealed)$/;
function withoutSecrets(row: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(row)
			.filter(([key]) => !SECRET.test(key))
			.map(([key, value]) => [key, Buffer.isBuffer(value) ? null : value])
	);
}
