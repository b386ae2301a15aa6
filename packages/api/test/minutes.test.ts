import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectTrpcError, insertMeeting, minutesCallersFor, seedPresidium } from './helpers.ts';

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const presidium = await seedPresidium(owner, fx);
const as = minutesCallersFor(db, fx, presidium);
const region = 'norr';

const content = (overrides: Record<string, unknown> = {}) => ({
	title: 'Presidiernas gemensamma möte',
	starts_at: new Date('2024-11-14T15:00:00Z'),
	ends_at: new Date('2024-11-14T17:00:00Z'),
	place: 'Förbundets lokaler',
	host_forbund_id: fx.forbund.a,
	next_host_forbund_id: fx.forbund.b,
	next_starts_at: new Date('2025-04-02T14:00:00Z'),
	next_ends_at: new Date('2025-04-02T16:00:00Z'),
	next_place: 'Förbund B',
	attendees: [
		{ name: 'Anna Ordförande', forbund_id: fx.forbund.a, role: 'ordforande' as const },
		{ name: 'Per Projektchef', forbund_id: fx.forbund.b, role: 'other' as const, title: 'projektchef' }
	],
	items: [
		{
			kind: 'forbund_information' as const,
			forbund_id: fx.forbund.a,
			heading: 'Information från A',
			body: 'Förbundet växer.'
		},
		{
			kind: 'project' as const,
			heading: 'ESF-projektet',
			presenter: 'Per Projektchef',
			body: 'Ansökan om förlängning.'
		}
	],
	actions: [
		{
			kind: 'follow_up' as const,
			text: 'Följ upp insatskatalogen.',
			responsible: 'FC-nätverket',
			due_date: '2025-03-01'
		}
	],
	...overrides
});

async function auditEntries(action: string, meetingId?: number) {
	let q = owner.selectFrom('audit_log').selectAll().where('action', '=', action);
	if (meetingId) q = q.where('entity_id', '=', String(meetingId));
	return q.orderBy('id').execute();
}

/** A meeting taken through the whole workflow by the coordinator: created, approved, published. */
async function publishedMeeting(overrides: Record<string, unknown> = {}) {
	const { id, version } = await as.coordinatorNorr.minutes.create({ region, content: content(overrides) });
	const approved = await as.coordinatorNorr.minutes.approve({ id, version, adjusters: ['Anna Ordförande'] });
	await as.coordinatorNorr.minutes.publish({ id });
	return { id, version: approved.version };
}

describe('the workflow', () => {
	it('keeps a draft and approved minutes from presidium members until they are published', async () => {
		const { id, version } = await as.coordinatorNorr.minutes.create({ region, content: content() });
		const listed = async () => (await as.presidiumA.minutes.list({ region })).meetings.map((m) => m.id);

		expect(await listed()).not.toContain(id);
		await expectTrpcError(as.presidiumA.minutes.meeting({ region, id }), 'NOT_FOUND');

		await as.coordinatorNorr.minutes.approve({ id, version, adjusters: ['Anna Ordförande', 'Bo Ledamot'] });
		expect(await listed()).not.toContain(id);
		await expectTrpcError(as.presidiumA.minutes.meeting({ region, id }), 'NOT_FOUND');

		await as.coordinatorNorr.minutes.publish({ id });
		expect(await listed()).toContain(id);
		const page = await as.presidiumA.minutes.meeting({ region, id });
		expect(page.minutes).toMatchObject({
			status: 'published',
			number: 1,
			adjusters: ['Anna Ordförande', 'Bo Ledamot'],
			approved_by: fx.users.coordinatorNorr,
			published_by: fx.users.coordinatorNorr
		});
		expect(page.minutes.approved_at).toBeInstanceOf(Date);
		expect(page.attendees.map((a) => [a.name, a.role, a.title, a.forbund_name])).toEqual([
			['Anna Ordförande', 'ordforande', '', 'a'],
			['Per Projektchef', 'other', 'projektchef', 'b']
		]);
		expect(page.items.map((i) => i.heading)).toEqual(['Information från A', 'ESF-projektet']);
		expect(page.actions).toMatchObject([{ kind: 'follow_up', responsible: 'FC-nätverket', due_date: '2025-03-01' }]);
		expect(page).toMatchObject({ host_name: 'Samordningsförbundet A', next_host_name: 'Samordningsförbundet B' });
		// A förbund admin (förbundschef) of the region reads them too.
		await expect(as.adminA.minutes.meeting({ region, id })).resolves.toBeTruthy();
	});

	it('refuses illegal transitions', async () => {
		const { id, version } = await as.coordinatorNorr.minutes.create({ region, content: content() });
		await expectTrpcError(as.coordinatorNorr.minutes.publish({ id }), 'BAD_REQUEST');
		await expectTrpcError(as.coordinatorNorr.minutes.setPublic({ id, public: true }), 'BAD_REQUEST');
		await expectTrpcError(as.coordinatorNorr.minutes.correct({ id, reason: 'Rättelse av ett utkast' }), 'BAD_REQUEST');
		await expectTrpcError(as.coordinatorNorr.minutes.approve({ id, version, adjusters: [] }), 'BAD_REQUEST');
		await expectTrpcError(
			as.coordinatorNorr.minutes.approve({ id, version, adjusters: ['Ett Namn', 'Två Namn', 'Tre Namn'] }),
			'BAD_REQUEST'
		);
		const approved = await as.coordinatorNorr.minutes.approve({ id, version, adjusters: ['Anna Ordförande'] });
		await expectTrpcError(
			as.coordinatorNorr.minutes.update({
				id,
				version: approved.version,
				content: content({ title: 'Ändrad i efterhand' })
			}),
			'BAD_REQUEST'
		);
		await expectTrpcError(
			as.coordinatorNorr.minutes.approve({ id, version: approved.version, adjusters: ['Anna Ordförande'] }),
			'BAD_REQUEST'
		);
		await as.coordinatorNorr.minutes.publish({ id });
		await expectTrpcError(as.coordinatorNorr.minutes.publish({ id }), 'BAD_REQUEST');
		const rows = await owner
			.selectFrom('meeting_minutes')
			.select(['title', 'status'])
			.where('meeting_id', '=', id)
			.execute();
		expect(rows).toEqual([{ title: 'Presidiernas gemensamma möte', status: 'published' }]);
	});

	it('refuses a förbund of another region, and an attendee with role "other" but no title', async () => {
		await expectTrpcError(
			as.coordinatorNorr.minutes.create({ region, content: content({ host_forbund_id: fx.forbund.c }) }),
			'BAD_REQUEST'
		);
		const error = await expectTrpcError(
			as.coordinatorNorr.minutes.create({
				region,
				content: content({ attendees: [{ name: 'Utan Titel', forbund_id: null, role: 'other' }] })
			}),
			'BAD_REQUEST'
		);
		expect(error.message).toContain('behöver en titel');
	});

	it('refuses a save over someone else’s newer one', async () => {
		const { id, version } = await as.coordinatorNorr.minutes.create({ region, content: content() });
		await as.platformAdmin.minutes.update({ id, version, content: content({ title: 'Först sparad' }) });
		const error = await expectTrpcError(
			as.coordinatorNorr.minutes.update({ id, version, content: content({ title: 'Sparad ovanpå' }) }),
			'CONFLICT'
		);
		expect(error.message).toContain('Någon annan har sparat');
		const editing = await as.coordinatorNorr.minutes.forEditing({ id });
		expect(editing.minutes.title).toBe('Först sparad');
		expect(editing.minutes.version).toBe(version + 1);
	});
});

describe('corrections', () => {
	it('make a new revision; the earlier stays as it was and readable, with the history shown', async () => {
		const { id } = await publishedMeeting();
		const { number } = await as.coordinatorNorr.minutes.correct({
			id,
			reason: 'Fel förbund angivet för en deltagare.'
		});
		expect(number).toBe(2);

		// Members keep reading revision 1 while the correction is a draft.
		const during = await as.presidiumA.minutes.meeting({ region, id });
		expect(during.minutes.number).toBe(1);
		expect(during.revisions.map((r) => r.number)).toEqual([1]);

		const draft = await as.coordinatorNorr.minutes.forEditing({ id });
		expect(draft.minutes).toMatchObject({ number: 2, status: 'draft', title: 'Presidiernas gemensamma möte' });
		expect(draft.items).toHaveLength(2);
		const corrected = content({ title: 'Presidiernas gemensamma möte (rättat)' });
		const saved = await as.coordinatorNorr.minutes.update({ id, version: draft.minutes.version, content: corrected });
		await as.coordinatorNorr.minutes.approve({ id, version: saved.version, adjusters: ['Bo Ledamot'] });
		await as.coordinatorNorr.minutes.publish({ id });

		const after = await as.presidiumA.minutes.meeting({ region, id });
		expect(after.minutes).toMatchObject({ number: 2, title: 'Presidiernas gemensamma möte (rättat)' });
		expect(after.revisions.map((r) => [r.number, r.correction_reason, r.approved_by_name])).toEqual([
			[2, 'Fel förbund angivet för en deltagare.', 'coordinatorNorr'],
			[1, '', 'coordinatorNorr']
		]);
		const first = await as.presidiumA.minutes.meeting({ region, id, revision: 1 });
		expect(first.minutes.title).toBe('Presidiernas gemensamma möte');
		expect(first.isCurrent).toBe(false);
	});

	it('are the only way: the database refuses to change or delete approved minutes, even to its owner', async () => {
		const { id } = await publishedMeeting();
		const revision = await owner
			.selectFrom('meeting_minutes')
			.select('id')
			.where('meeting_id', '=', id)
			.executeTakeFirstOrThrow();
		await expect(
			owner.updateTable('meeting_minutes').set({ title: 'Ändrad' }).where('id', '=', revision.id).execute()
		).rejects.toThrow(/cannot be changed/);
		await expect(owner.deleteFrom('meeting_minutes').where('id', '=', revision.id).execute()).rejects.toThrow(
			/cannot be deleted/
		);
		await expect(owner.deleteFrom('minutes_item').where('minutes_id', '=', revision.id).execute()).rejects.toThrow(
			/cannot be changed/
		);
		await expect(
			owner
				.insertInto('minutes_attendee')
				.values({ minutes_id: revision.id, position: 9, name: 'Inskjuten', role: 'ledamot' })
				.execute()
		).rejects.toThrow(/cannot be changed/);
		// And the servers' role may not delete a meeting or a revision at all.
		await expect(
			db.transaction().execute(async (trx) => {
				await sql`select set_config('app.user_id', ${String(fx.users.platformAdmin)}, true)`.execute(trx);
				await sql`delete from meeting where id = ${id}`.execute(trx);
			})
		).rejects.toThrow(/permission denied/);
	});
});

describe('reading', () => {
	it('renders agenda items’ Markdown sanitised', async () => {
		const { id } = await publishedMeeting({
			items: [
				{
					kind: 'other',
					heading: 'Skript',
					body: 'Hej <script>alert(1)</script> [länk](javascript:alert(1)) <img src=x onerror=alert(1)> **fet**'
				}
			]
		});
		const page = await as.presidiumA.minutes.meeting({ region, id });
		const html = page.items[0]!.body_html;
		expect(html).toContain('<strong>fet</strong>');
		expect(html).not.toMatch(/<script|<img|javascript:|onerror=/i);
	});

	it('refuses a visitor (sign in), an editor without a presidium role and another region’s member', async () => {
		const { id } = await publishedMeeting();
		await expectTrpcError(as.anonymous.minutes.meeting({ region, id }), 'UNAUTHORIZED');
		await expectTrpcError(as.editorA.minutes.meeting({ region, id }), 'FORBIDDEN');
		await expectTrpcError(as.noRoles.minutes.meeting({ region, id }), 'FORBIDDEN');
		await expectTrpcError(as.presidiumC.minutes.meeting({ region, id }), 'FORBIDDEN');
		// Asked for under its own region, a member of another one still cannot find it.
		await expectTrpcError(as.presidiumC.minutes.meeting({ region: 'syd', id }), 'NOT_FOUND');
	});

	it('shows minutes published publicly to anyone, without logging the read', async () => {
		const { id } = await publishedMeeting({ title: 'Offentligt presidiemöte' });
		await as.coordinatorNorr.minutes.setPublic({ id, public: true });
		const before = (await auditEntries('minutes.read', id)).length;
		const page = await as.anonymous.minutes.meeting({ region, id });
		expect(page.minutes.title).toBe('Offentligt presidiemöte');
		expect(page.publicRead).toBe(true);
		expect((await as.anonymous.minutes.list({ region })).meetings.map((m) => m.id)).toContain(id);
		expect(await auditEntries('minutes.read', id)).toHaveLength(before);
		// Withdrawn, it needs a login again.
		await as.coordinatorNorr.minutes.setPublic({ id, public: false });
		await expectTrpcError(as.anonymous.minutes.meeting({ region, id }), 'UNAUTHORIZED');
	});
});

describe('search', () => {
	let ids: { draft: number; published: number; public: number };
	beforeAll(async () => {
		const draft = await as.coordinatorNorr.minutes.create({
			region,
			content: content({ title: 'Utkast om arbetsintegrerande företag', items: [] })
		});
		const published = await publishedMeeting({
			title: 'Möte om ESF',
			items: [{ kind: 'joint_service', heading: 'ASF-samverkan', body: 'De sociala företagen växer i länet.' }]
		});
		const pub = await publishedMeeting({ title: 'Offentligt möte om företagande', items: [] });
		await as.coordinatorNorr.minutes.setPublic({ id: pub.id, public: true });
		ids = { draft: draft.id, published: published.id, public: pub.id };
	});
	const found = async (caller: (typeof as)[keyof typeof as]) =>
		(await caller.minutes.search({ region, q: 'företag' })).map((h) => h.id).sort((a, b) => a - b);

	it('finds, in Swedish, only the minutes the reader may see', async () => {
		const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
		expect(await found(as.coordinatorNorr)).toEqual(sorted([ids.draft, ids.published, ids.public]));
		expect(await found(as.presidiumA)).toEqual(sorted([ids.published, ids.public]));
		expect(await found(as.editorA)).toEqual([ids.public]);
		expect(await found(as.anonymous)).toEqual([ids.public]);
		const [hit] = await as.presidiumA.minutes.search({ region, q: 'sociala företagen' });
		expect(hit?.snippet_html).toContain('<mark>');
	});

	it('logs a search that showed minutes which are not public, and not one that only showed public ones', async () => {
		const before = (await auditEntries('minutes.search')).length;
		await as.anonymous.minutes.search({ region, q: 'företag' });
		expect(await auditEntries('minutes.search')).toHaveLength(before);
		await as.presidiumA.minutes.search({ region, q: 'företag' });
		const entries = await auditEntries('minutes.search');
		expect(entries).toHaveLength(before + 1);
		expect(entries.at(-1)).toMatchObject({ actor_id: presidium.presidiumA, region_id: fx.regions.norr });
		expect(entries.at(-1)!.detail).toMatchObject({ q: 'företag' });
	});
});

describe('the audit log', () => {
	it('has an entry for every write and every read of minutes that are not public, in the region', async () => {
		const { id, version } = await as.coordinatorNorr.minutes.create({ region, content: content() });
		const saved = await as.coordinatorNorr.minutes.update({ id, version, content: content({ place: 'Annan plats' }) });
		await as.coordinatorNorr.minutes.addAttachment({
			id,
			key: `private/${'c'.repeat(32)}/affisch.pdf`,
			filename: 'affisch.pdf',
			size: 1234
		});
		await as.coordinatorNorr.minutes.approve({ id, version: saved.version, adjusters: ['Anna Ordförande'] });
		await as.coordinatorNorr.minutes.publish({ id });
		await as.coordinatorNorr.minutes.setPublic({ id, public: true });
		await as.coordinatorNorr.minutes.setPublic({ id, public: false });
		await as.coordinatorNorr.minutes.correct({ id, reason: 'Stavfel i en rubrik.' });

		const page = await as.presidiumA.minutes.meeting({ region, id, view: 'print' });
		const attachment = page.attachments[0]!;
		const file = await as.presidiumA.minutes.attachment({ region, id, attachmentId: attachment.id });
		expect(file).toMatchObject({ filename: 'affisch.pdf', storage_key: `private/${'c'.repeat(32)}/affisch.pdf` });

		const entries = await owner
			.selectFrom('audit_log')
			.select(['action', 'actor_id', 'region_id', 'entity_type', 'detail'])
			.where('entity_id', '=', String(id))
			.orderBy('id')
			.execute();
		expect(entries.map((e) => e.action)).toEqual([
			'minutes.create',
			'minutes.update',
			'minutes.attachment_add',
			'minutes.approve',
			'minutes.publish',
			'minutes.publish_publicly',
			'minutes.unpublish_publicly',
			'minutes.correct',
			'minutes.read',
			'minutes.read'
		]);
		for (const e of entries) expect(e).toMatchObject({ region_id: fx.regions.norr, entity_type: 'meeting' });
		expect(entries.slice(-2).map((e) => [e.actor_id, e.detail.view])).toEqual([
			[presidium.presidiumA, 'print'],
			[presidium.presidiumA, 'attachment']
		]);

		// The region's coordinator sees the member's read in the log, under RLS; another region's member does not.
		const seenBy = async (userId: number) =>
			db.transaction().execute(async (trx) => {
				await sql`select set_config('app.user_id', ${String(userId)}, true)`.execute(trx);
				return trx
					.selectFrom('audit_log')
					.select('actor_id')
					.where('action', '=', 'minutes.read')
					.where('entity_id', '=', String(id))
					.execute();
			});
		expect((await seenBy(fx.users.coordinatorNorr)).map((e) => e.actor_id)).toContain(presidium.presidiumA);
		expect(await seenBy(presidium.presidiumC)).toEqual([]);
	});

	it('keeps no entry of a refused write', async () => {
		const { id } = await publishedMeeting();
		const before = await owner
			.selectFrom('audit_log')
			.select(sql<number>`count(*)::int`.as('n'))
			.executeTakeFirstOrThrow();
		await expectTrpcError(as.presidiumA.minutes.correct({ id, reason: 'Försök utan behörighet' }), 'FORBIDDEN');
		const after = await owner
			.selectFrom('audit_log')
			.select(sql<number>`count(*)::int`.as('n'))
			.executeTakeFirstOrThrow();
		expect(after.n).toBe(before.n);
	});
});

describe('row-level security on minutes', () => {
	it('hides drafts and approved minutes from presidium members straight from SQL, and everything from others', async () => {
		await sql`truncate minutes_attachment, minutes_action, minutes_item, minutes_attendee, meeting_minutes, meeting`.execute(
			owner
		);
		const draft = await insertMeeting(owner, fx.regions.norr, 'draft');
		const approved = await insertMeeting(owner, fx.regions.norr, 'approved');
		const published = await insertMeeting(owner, fx.regions.norr, 'published');
		const asUser = (userId: number | null) =>
			db.transaction().execute(async (trx) => {
				await sql`select set_config('app.user_id', ${userId === null ? '' : String(userId)}, true)`.execute(trx);
				const rows = async (table: 'meeting_minutes' | 'minutes_item' | 'minutes_attendee' | 'minutes_attachment') =>
					(await sql<{ id: number }>`select id from ${sql.table(table)} order by id`.execute(trx)).rows.map(
						(r) => r.id
					);
				return {
					meetings: (await sql<{ id: number }>`select id from meeting order by id`.execute(trx)).rows.map((r) => r.id),
					minutes: await rows('meeting_minutes'),
					items: await rows('minutes_item'),
					attendees: await rows('minutes_attendee'),
					attachments: await rows('minutes_attachment')
				};
			});

		const member = await asUser(presidium.presidiumA);
		expect(member.meetings).toEqual([published.meeting]);
		expect(member.minutes).toEqual([published.minutes]);
		expect(member.items).toHaveLength(1);
		expect(member.attendees).toHaveLength(1);
		expect(member.attachments).toEqual([published.attachment]);

		for (const outsider of [null, fx.users.editorA, presidium.presidiumC]) {
			expect(await asUser(outsider)).toEqual({ meetings: [], minutes: [], items: [], attendees: [], attachments: [] });
		}
		const coordinator = await asUser(fx.users.coordinatorNorr);
		expect(coordinator.minutes).toEqual([draft.minutes, approved.minutes, published.minutes]);

		// A member cannot write a revision or publish a meeting, whatever the API would let through.
		await db.transaction().execute(async (trx) => {
			await sql`select set_config('app.user_id', ${String(presidium.presidiumA)}, true)`.execute(trx);
			const updated = await sql`update meeting set public = true where id = ${published.meeting}`.execute(trx);
			expect(Number(updated.numAffectedRows)).toBe(0);
		});
		await expect(
			db.transaction().execute(async (trx) => {
				await sql`select set_config('app.user_id', ${String(presidium.presidiumA)}, true)`.execute(trx);
				await sql`insert into meeting (region_id) values (${fx.regions.norr})`.execute(trx);
			})
		).rejects.toThrow(/row-level security/);
	});
});
