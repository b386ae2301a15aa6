import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA_REGISTRY } from '../src/privacy/index.ts';
import { callersFor, expectTrpcError } from './helpers.ts';

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

// ---- The procedures, as the people who call them ----

const as = callersFor(db, fx);
const person = { email: 'editora@test.example', id: fx.users.editorA };
const outsider = 'anna.utan.konto@extern.example';

/** News by editor A in förbund A and in förbund C, one by someone else, an approved minutes' attendance and mail. */
async function seedPerson() {
	const news = (forbund: 'a' | 'c', author: number, slug: string) =>
		owner
			.insertInto('news')
			.values({
				region_id: forbund === 'a' ? fx.regions.norr : fx.regions.syd,
				forbund_id: fx.forbund[forbund],
				slug,
				title: `Nyhet ${slug}`,
				status: 'published',
				published_at: new Date(),
				author_id: author
			})
			.returning('id')
			.executeTakeFirstOrThrow();
	const own = await news('a', person.id, `egen-${Date.now()}`);
	const inC = await news('c', person.id, `syd-${Date.now()}`);
	const others = await news('a', fx.users.editorB, `annan-${Date.now()}`);
	const meeting = await owner
		.insertInto('meeting')
		.values({ region_id: fx.regions.norr })
		.returning('id')
		.executeTakeFirstOrThrow();
	const minutes = await owner
		.insertInto('meeting_minutes')
		.values({
			meeting_id: meeting.id,
			region_id: fx.regions.norr,
			number: 1,
			title: 'Presidiemöte',
			starts_at: new Date(),
			updated_at: new Date()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await owner
		.insertInto('minutes_attendee')
		.values({
			minutes_id: minutes.id,
			position: 1,
			user_id: person.id,
			name: 'Redaktör A',
			forbund_id: fx.forbund.a,
			role: 'ledamot'
		})
		.execute();
	await owner
		.updateTable('meeting_minutes')
		.set({ status: 'approved', approved_at: new Date(), approved_by: person.id, adjusters: ['Justerare Ett'] })
		.where('id', '=', minutes.id)
		.execute();
	await owner
		.insertInto('mail_outbox')
		.values([
			{
				message_id: `<pd-1-${Date.now()}@test.example>`,
				recipient: outsider,
				subject: 'Till Anna',
				body_sealed: Buffer.from('x'),
				forbund_id: fx.forbund.a
			},
			{
				message_id: `<pd-2-${Date.now()}@test.example>`,
				recipient: 'annan@test.example',
				subject: 'Till någon annan',
				body_sealed: Buffer.from('x'),
				forbund_id: fx.forbund.a
			}
		])
		.execute();
	return { own: own.id, inC: inC.id, others: others.id, minutes: minutes.id };
}

const tablesOf = (data: { domain: string; tables: Record<string, Record<string, unknown>[]> }[]) =>
	Object.fromEntries(data.flatMap((d) => Object.entries(d.tables)));

describe('personal data on request', () => {
	it('exports by account everything about the person from every domain, and nothing of others', async () => {
		const seeded = await seedPerson();
		const { data, requestId } = await as.platformAdmin.privacy.export({ subject: { userId: person.id } });
		const tables = tablesOf(data);
		expect(tables.app_user?.map((r) => r.email)).toEqual([person.email]);
		expect(tables.app_user?.[0]).not.toHaveProperty('password_hash');
		expect(tables.news?.map((r) => r.id)).toEqual(expect.arrayContaining([seeded.own, seeded.inC]));
		expect(tables.news?.map((r) => r.id)).not.toContain(seeded.others);
		expect(tables.minutes_attendee?.some((r) => r.minutes_id === seeded.minutes)).toBe(true);
		expect(tables.membership?.every((r) => r.user_id === person.id)).toBe(true);
		const recorded = await owner
			.selectFrom('personal_data_request')
			.selectAll()
			.where('id', '=', requestId)
			.executeTakeFirstOrThrow();
		expect(recorded).toMatchObject({
			kind: 'export',
			handled_by: fx.users.platformAdmin,
			subject_user_id: person.id,
			forbund_id: null
		});
		expect(recorded.due_at.getTime() - recorded.received_at.getTime()).toBeGreaterThanOrEqual(28 * 86_400_000);
	});

	it('exports by e-mail address for someone without an account: their mail, not others', async () => {
		const { data } = await as.platformAdmin.privacy.export({ subject: { email: outsider.toUpperCase() } });
		const tables = tablesOf(data);
		expect(tables.mail_outbox?.map((r) => r.recipient)).toEqual([outsider]);
		expect(tables.mail_outbox?.[0]).not.toHaveProperty('body_sealed');
		const stored = await owner
			.selectFrom('personal_data_request')
			.select(['subject_label', 'subject_email_sha256'])
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		// The record proves the request without holding the address.
		expect(stored.subject_label).toBe('a…@extern.example');
		expect(stored.subject_email_sha256?.length).toBe(32);
	});

	it('gives a förbund admin only their förbund, and refuses the rest', async () => {
		const seeded = await seedPerson();
		const { data } = await as.adminA.privacy.export({
			subject: { userId: person.id },
			scope: { forbundId: fx.forbund.a }
		});
		const tables = tablesOf(data);
		expect(tables.news?.map((r) => r.id)).toContain(seeded.own);
		expect(tables.news?.map((r) => r.id)).not.toContain(seeded.inC);
		expect(tables.app_user).toBeUndefined();
		await expectTrpcError(
			as.adminA.privacy.export({ subject: { userId: person.id }, scope: { forbundId: fx.forbund.c } }),
			'FORBIDDEN'
		);
		await expectTrpcError(as.adminA.privacy.export({ subject: { userId: person.id } }), 'FORBIDDEN');
		await expectTrpcError(as.adminA.privacy.erase({ subject: { userId: person.id }, confirm: 'RADERA' }), 'FORBIDDEN');
		for (const caller of [as.editorA, as.coordinatorNorr, as.noRoles]) {
			await expectTrpcError(
				caller.privacy.export({ subject: { userId: person.id }, scope: { forbundId: fx.forbund.a } }),
				'FORBIDDEN'
			);
		}
		await expectTrpcError(as.anonymous.privacy.export({ subject: { userId: person.id } }), 'UNAUTHORIZED');
	});

	it('is refused by the database too: a förbund admin cannot record a request for another förbund', async () => {
		await expect(
			db.transaction().execute(async (trx) => {
				await sql`select set_config('app.user_id', ${String(fx.users.adminA)}, true)`.execute(trx);
				await trx
					.insertInto('personal_data_request')
					.values({
						kind: 'export',
						handled_by: fx.users.adminA,
						forbund_id: fx.forbund.c,
						subject_user_id: 1,
						subject_label: 'Konto 1',
						received_at: new Date('2026-01-01'),
						due_at: new Date('2026-02-01'),
						summary: '[]'
					})
					.execute();
			})
		).rejects.toThrow(/row-level security/);
	});

	it('wants the confirmation word before erasing', async () => {
		await expectTrpcError(
			as.platformAdmin.privacy.erase({ subject: { userId: person.id }, confirm: 'ja' as 'RADERA' }),
			'BAD_REQUEST'
		);
	});

	it('is all-or-nothing: a failure mid-way leaves everything as it was, and no request recorded', async () => {
		const seeded = await seedPerson();
		const before = await owner
			.selectFrom('personal_data_request')
			.select(sql<number>`count(*)::int`.as('n'))
			.executeTakeFirstOrThrow();
		// Accounts come last in the registry, so the news are already unlinked when this fails.
		await sql`create function pd_fail() returns trigger language plpgsql as $$ begin raise exception 'avsiktligt fel'; end $$`.execute(
			owner
		);
		await sql`create trigger pd_fail before delete on session for each statement execute function pd_fail()`.execute(
			owner
		);
		try {
			await expect(
				as.platformAdmin.privacy.erase({ subject: { userId: person.id }, confirm: 'RADERA' })
			).rejects.toThrow();
		} finally {
			await sql`drop trigger pd_fail on session`.execute(owner);
			await sql`drop function pd_fail()`.execute(owner);
		}
		const news = await owner
			.selectFrom('news')
			.select('author_id')
			.where('id', '=', seeded.own)
			.executeTakeFirstOrThrow();
		expect(news.author_id).toBe(person.id);
		const after = await owner
			.selectFrom('personal_data_request')
			.select(sql<number>`count(*)::int`.as('n'))
			.executeTakeFirstOrThrow();
		expect(after.n).toBe(before.n);
	});

	it('erases a person: the account goes, news keep their text without the author, minutes keep the name without the link; recorded', async () => {
		const seeded = await seedPerson();
		const { requestId, erased } = await as.platformAdmin.privacy.erase({
			subject: { userId: person.id },
			confirm: 'RADERA',
			receivedAt: '2026-11-01'
		});
		expect(
			await owner.selectFrom('app_user').select('id').where('id', '=', person.id).executeTakeFirst()
		).toBeUndefined();
		const news = await owner
			.selectFrom('news')
			.select(['author_id', 'title'])
			.where('id', '=', seeded.own)
			.executeTakeFirstOrThrow();
		expect(news).toEqual({ author_id: null, title: expect.stringContaining('Nyhet egen-') });
		const other = await owner
			.selectFrom('news')
			.select('author_id')
			.where('id', '=', seeded.others)
			.executeTakeFirstOrThrow();
		expect(other.author_id).toBe(fx.users.editorB);
		const attendee = await owner
			.selectFrom('minutes_attendee')
			.select(['user_id', 'name'])
			.where('minutes_id', '=', seeded.minutes)
			.executeTakeFirstOrThrow();
		expect(attendee).toEqual({ user_id: null, name: 'Redaktör A' });
		const byDomain = Object.fromEntries(erased.map((e) => [e.domain, e.tables]));
		expect(byDomain.accounts?.app_user?.deleted).toBe(1);
		// Counted before the account row cascades them away.
		expect(byDomain.accounts?.membership?.deleted).toBeGreaterThanOrEqual(1);
		expect(byDomain.news?.news?.unlinked).toBeGreaterThanOrEqual(2);
		const recorded = await owner
			.selectFrom('personal_data_request')
			.selectAll()
			.where('id', '=', requestId)
			.executeTakeFirstOrThrow();
		expect(recorded).toMatchObject({ kind: 'erase', subject_user_id: person.id });
		// Received 1 November, answered today (3 December or later): a month had passed, so it is late.
		const { requests } = await as.platformAdmin.privacy.requests({});
		expect(requests.find((r) => r.id === requestId)?.late).toBe(true);
		const audit = await owner
			.selectFrom('audit_log')
			.select('action')
			.where('entity_id', '=', String(requestId))
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['privacy.erase']);
	});
});
