import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { erasePersonalData, exportPersonalData } from '../src/core/index.ts';
import { PERSONAL_DATA_REGISTRY } from '../src/privacy/index.ts';

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);

// A column looks personal when it links to an account, or its name says it holds a name, an
// address, a phone number, an IP address, an identity number or a contact list. Built from the real
// schema: every such column there is either registered by a domain or listed below with why not.
const PERSONAL_NAME =
	/(^|_)(e?mail|email|phone|telefon|mobil|name|full_name|address|adress|ip|personnummer|ssn|recipient|contacts)($|_)/;

/** Names of things, not of people (organisations, places, projects), and internal identifiers. */
const NOT_PERSONAL: Record<string, string> = {
	'region.name': 'regionens namn',
	'forbund.name': 'förbundets namn',
	'forbund.short_name': 'förbundets kortnamn',
	'insats.name': 'insatsens namn',
	'project.name': 'projektets namn',
	'project.full_name': 'projektets fullständiga namn',
	'project_phase.name': 'projektfasens namn',
	'asf_enterprise.name': 'företagets namn',
	'asf_workplace.name': 'arbetsplatsens namn'
};

const declared = new Set(
	PERSONAL_DATA_REGISTRY.flatMap((r) =>
		r.columns.flatMap((c) => [c.column, ...(c.with ?? [])].map((n) => `${c.table}.${n}`))
	)
);

async function liveColumns() {
	const { rows } = await sql<{ table_name: string; column_name: string; references_user: boolean }>`
		select c.table_name, c.column_name, exists (
			select from pg_constraint k
			join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
			where k.contype = 'f' and k.confrelid = 'public.app_user'::regclass
				and k.conrelid = (quote_ident(c.table_name))::regclass and a.attname = c.column_name
		) as references_user
		from information_schema.columns c
		join information_schema.tables t using (table_schema, table_name)
		where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name not like 'kysely\_%'`.execute(owner);
	return rows;
}

describe('the registry of personal data', () => {
	it('covers every column of the schema that looks personal', async () => {
		const columns = await liveColumns();
		const personal = columns
			.filter((c) => c.references_user || PERSONAL_NAME.test(c.column_name) || c.table_name === 'app_user')
			.map((c) => `${c.table_name}.${c.column_name}`);
		// app_user's own bookkeeping columns go with the row; only the identifying ones need naming.
		const unaccounted = personal.filter(
			(key) =>
				!declared.has(key) && !(key in NOT_PERSONAL) && !(key.startsWith('app_user.') && declared.has('app_user.id'))
		);
		expect(unaccounted).toEqual([]);
		expect(personal.length).toBeGreaterThan(60);
	});

	it('catches a new table with personal columns that no domain registers', async () => {
		await sql`create table event_registrant (id serial primary key, full_name text, email text)`.execute(owner);
		try {
			const columns = await liveColumns();
			const missing = columns
				.filter((c) => c.table_name === 'event_registrant' && PERSONAL_NAME.test(c.column_name))
				.map((c) => `${c.table_name}.${c.column_name}`)
				.filter((key) => !declared.has(key));
			expect(missing.sort()).toEqual(['event_registrant.email', 'event_registrant.full_name']);
		} finally {
			await sql`drop table event_registrant`.execute(owner);
		}
	});

	it('declares only columns that exist, and account links that are foreign keys to app_user', async () => {
		const columns = await liveColumns();
		const live = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c]));
		const stale = [...declared].filter((key) => !live.has(key));
		expect(stale).toEqual([]);
		const notLinks = PERSONAL_DATA_REGISTRY.flatMap((r) => r.columns)
			.filter((c) => c.identifies === 'user' && !(c.table === 'app_user' && c.column === 'id'))
			.filter((c) => !live.get(`${c.table}.${c.column}`)?.references_user)
			.map((c) => `${c.table}.${c.column}`);
		expect(notLinks).toEqual([]);
	});

	it('gives a reason for every column it keeps', () => {
		const keptWithoutReason = PERSONAL_DATA_REGISTRY.flatMap((r) => r.columns).filter(
			(c) => (c.erase === 'keep' || c.identifies === 'none') && !c.reason
		);
		expect(keptWithoutReason).toEqual([]);
	});
});
