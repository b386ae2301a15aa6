import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type {
	Database,
	MeetingMinutes,
	MinutesActionTable,
	MinutesAttendeeTable,
	MinutesItemTable
} from '@regionportalen/db';
import { markedToHtml, MARKERS, SNIPPET, tsquery, WHOLE } from '../core/index.ts';

// Presidium minutes: queries and the workflow's writes. A meeting's content lives in revisions
// (meeting_minutes); a draft revision is saved in place under optimistic concurrency, an approved one
// is frozen (by the database, too) and corrected by the next revision. Each function takes the db
// (or the procedure's transaction) first; who may call what is decided by the caller (access.ts) and
// again by row-level security.

type Q = Kysely<Database> | Transaction<Database>;

type Row<T> = Omit<Insertable<T>, 'id' | 'minutes_id' | 'position'>;

/** Everything a coordinator writes in a draft. */
export interface MinutesContent {
	title: string;
	starts_at: Date;
	ends_at: Date | null;
	place: string;
	host_forbund_id: number | null;
	next_host_forbund_id: number | null;
	next_starts_at: Date | null;
	next_ends_at: Date | null;
	next_place: string;
	attendees: Row<MinutesAttendeeTable>[];
	items: Row<MinutesItemTable>[];
	actions: Row<MinutesActionTable>[];
}

/** Which revision of a meeting a reader gets: the newest of any status (writers), or the newest published. */
export type Visibility = { unpublished: true } | { unpublished: false; onlyPublic: boolean };

/** What the search vector holds besides the title: headings, presenters, item texts, decisions. */
function searchDocument(content: MinutesContent): string {
	return [
		content.place,
		...content.items.flatMap((i) => [i.heading, i.presenter ?? '', i.body ?? '']),
		...content.actions.flatMap((a) => [a.text, a.responsible ?? ''])
	]
		.filter(Boolean)
		.join('\n\n');
}

function minutesColumns(content: MinutesContent) {
	return {
		title: content.title,
		starts_at: content.starts_at,
		ends_at: content.ends_at,
		place: content.place,
		host_forbund_id: content.host_forbund_id,
		next_host_forbund_id: content.next_host_forbund_id,
		next_starts_at: content.next_starts_at,
		next_ends_at: content.next_ends_at,
		next_place: content.next_place,
		search_document: searchDocument(content)
	};
}

async function writeRows(db: Q, minutesId: number, content: Pick<MinutesContent, 'attendees' | 'items' | 'actions'>) {
	const at = <T>(rows: T[]) => rows.map((row, i) => ({ ...row, minutes_id: minutesId, position: i + 1 }));
	if (content.attendees.length) await db.insertInto('minutes_attendee').values(at(content.attendees)).execute();
	if (content.items.length) await db.insertInto('minutes_item').values(at(content.items)).execute();
	if (content.actions.length) await db.insertInto('minutes_action').values(at(content.actions)).execute();
}

/** A new meeting with revision 1 as a draft. */
export async function createMeeting(db: Q, regionId: number, content: MinutesContent, userId: number) {
	const meeting = await db
		.insertInto('meeting')
		.values({ region_id: regionId, created_by: userId })
		.returningAll()
		.executeTakeFirstOrThrow();
	const minutes = await db
		.insertInto('meeting_minutes')
		.values({
			meeting_id: meeting.id,
			region_id: regionId,
			number: 1,
			...minutesColumns(content),
			created_by: userId,
			updated_by: userId,
			updated_at: sql`now()`
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	await writeRows(db, minutes.id, content);
	return { meeting, minutes };
}

/**
 * Saves a draft over `version`, replacing its rows; undefined when someone saved in between (or the
 * revision is no longer a draft), so the caller reports the conflict.
 */
export async function saveDraft(
	db: Q,
	minutes: MeetingMinutes,
	version: number,
	content: MinutesContent,
	userId: number
) {
	const saved = await db
		.updateTable('meeting_minutes')
		.set({ ...minutesColumns(content), updated_by: userId, updated_at: sql`now()`, version: sql`version + 1` })
		.where('id', '=', minutes.id)
		.where('version', '=', version)
		.where('status', '=', 'draft')
		.returningAll()
		.executeTakeFirst();
	if (!saved) return undefined;
	for (const table of ['minutes_attendee', 'minutes_item', 'minutes_action'] as const) {
		await db.deleteFrom(table).where('minutes_id', '=', minutes.id).execute();
	}
	await writeRows(db, minutes.id, content);
	return saved;
}

/** Draft → approved (justerad) by `userId`, checked by the named justerare. */
export function approve(db: Q, minutes: MeetingMinutes, version: number, adjusters: string[], userId: number) {
	return db
		.updateTable('meeting_minutes')
		.set({
			status: 'approved',
			adjusters,
			approved_by: userId,
			approved_at: sql`now()`,
			updated_by: userId,
			updated_at: sql`now()`,
			version: sql`version + 1`
		})
		.where('id', '=', minutes.id)
		.where('version', '=', version)
		.where('status', '=', 'draft')
		.returningAll()
		.executeTakeFirst();
}

/** Approved → published to the region's presidium members; the meeting now shows this revision. */
export async function publish(db: Q, minutes: MeetingMinutes, userId: number) {
	const published = await db
		.updateTable('meeting_minutes')
		.set({
			status: 'published',
			published_by: userId,
			published_at: sql`now()`,
			updated_by: userId,
			updated_at: sql`now()`,
			version: sql`version + 1`
		})
		.where('id', '=', minutes.id)
		.where('status', '=', 'approved')
		.returningAll()
		.executeTakeFirst();
	if (published) {
		await db
			.updateTable('meeting')
			.set({ published_number: published.number })
			.where('id', '=', published.meeting_id)
			.execute();
	}
	return published;
}

/** Publishes the meeting to everyone (or withdraws that); its members' minutes are unchanged. */
export function setPublic(db: Q, meetingId: number, isPublic: boolean, userId: number) {
	return db
		.updateTable('meeting')
		.set({ public: isPublic, public_changed_by: userId, public_changed_at: sql`now()` })
		.where('id', '=', meetingId)
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** A correction: the next revision, a draft copied from the approved one, with the reason stated. */
export async function correct(db: Q, from: MeetingMinutes, reason: string, userId: number) {
	const rows = await loadRows(db, from.id);
	const copy: MinutesContent = {
		title: from.title,
		starts_at: from.starts_at,
		ends_at: from.ends_at,
		place: from.place,
		host_forbund_id: from.host_forbund_id,
		next_host_forbund_id: from.next_host_forbund_id,
		next_starts_at: from.next_starts_at,
		next_ends_at: from.next_ends_at,
		next_place: from.next_place,
		attendees: rows.attendees.map(({ user_id, name, forbund_id, role, title }) => ({
			user_id,
			name,
			forbund_id,
			role,
			title
		})),
		items: rows.items.map(({ kind, forbund_id, heading, presenter, body }) => ({
			kind,
			forbund_id,
			heading,
			presenter,
			body
		})),
		actions: rows.actions.map(({ kind, text, responsible, due_date }) => ({ kind, text, responsible, due_date }))
	};
	const minutes = await db
		.insertInto('meeting_minutes')
		.values({
			meeting_id: from.meeting_id,
			region_id: from.region_id,
			number: from.number + 1,
			...minutesColumns(copy),
			correction_reason: reason,
			created_by: userId,
			updated_by: userId,
			updated_at: sql`now()`
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	await writeRows(db, minutes.id, copy);
	if (rows.attachments.length) {
		await db
			.insertInto('minutes_attachment')
			.values(
				rows.attachments.map(({ storage_key, filename, content_type, size_bytes }) => ({
					minutes_id: minutes.id,
					storage_key,
					filename,
					content_type,
					size_bytes
				}))
			)
			.execute();
	}
	return minutes;
}

export function findMeeting(db: Q, id: number) {
	return db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The revision a reader gets (see Visibility); undefined when there is none they may see. */
export async function currentRevision(db: Q, meeting: { id: number; published_number: number | null }, v: Visibility) {
	let q = db.selectFrom('meeting_minutes').selectAll().where('meeting_id', '=', meeting.id);
	if (!v.unpublished) {
		if (meeting.published_number === null) return undefined;
		q = q.where('number', '=', meeting.published_number).where('status', '=', 'published');
	}
	return q.orderBy('number', 'desc').limit(1).executeTakeFirst();
}

export function findRevision(db: Q, meetingId: number, number: number) {
	return db
		.selectFrom('meeting_minutes')
		.selectAll()
		.where('meeting_id', '=', meetingId)
		.where('number', '=', number)
		.executeTakeFirst();
}

/** A revision's attendees, agenda items, decisions and attachments, in order. */
export async function loadRows(db: Q, minutesId: number) {
	const [attendees, items, actions, attachments] = await Promise.all([
		db
			.selectFrom('minutes_attendee')
			.leftJoin('forbund', 'forbund.id', 'minutes_attendee.forbund_id')
			.selectAll('minutes_attendee')
			.select(['forbund.short_name as forbund_name'])
			.where('minutes_id', '=', minutesId)
			.orderBy('position')
			.execute(),
		db
			.selectFrom('minutes_item')
			.leftJoin('forbund', 'forbund.id', 'minutes_item.forbund_id')
			.selectAll('minutes_item')
			.select(['forbund.short_name as forbund_name'])
			.where('minutes_id', '=', minutesId)
			.orderBy('position')
			.execute(),
		db
			.selectFrom('minutes_action')
			.select(['id', 'position', 'kind', 'text', 'responsible', sql<string | null>`due_date::text`.as('due_date')])
			.where('minutes_id', '=', minutesId)
			.orderBy('position')
			.execute(),
		listAttachments(db, minutesId)
	]);
	return { attendees, items, actions, attachments };
}

export function listAttachments(db: Q, minutesId: number) {
	return db
		.selectFrom('minutes_attachment')
		.select(['id', 'storage_key', 'filename', 'content_type', 'size_bytes'])
		.where('minutes_id', '=', minutesId)
		.orderBy('id')
		.execute();
}

/** The names of the förbund a revision points to (host, next host). */
export async function forbundNames(db: Q, ids: (number | null)[]) {
	const wanted = ids.filter((id): id is number => id !== null);
	if (!wanted.length) return new Map<number, string>();
	const rows = await db.selectFrom('forbund').select(['id', 'name']).where('id', 'in', wanted).execute();
	return new Map(rows.map((r) => [r.id, r.name]));
}

/** A meeting's revisions a reader may see, newest first, with who approved and published them and why. */
export function listRevisions(db: Q, meetingId: number, v: Visibility) {
	let q = db
		.selectFrom('meeting_minutes')
		.leftJoin('app_user_name as approver', 'approver.id', 'meeting_minutes.approved_by')
		.leftJoin('app_user_name as publisher', 'publisher.id', 'meeting_minutes.published_by')
		.leftJoin('app_user_name as author', 'author.id', 'meeting_minutes.created_by')
		.select([
			'meeting_minutes.number',
			'meeting_minutes.status',
			'meeting_minutes.correction_reason',
			'meeting_minutes.adjusters',
			'meeting_minutes.created_at',
			'meeting_minutes.approved_at',
			'meeting_minutes.published_at',
			'approver.name as approved_by_name',
			'publisher.name as published_by_name',
			'author.name as created_by_name'
		])
		.where('meeting_minutes.meeting_id', '=', meetingId);
	if (!v.unpublished) q = q.where('meeting_minutes.status', '=', 'published');
	return q.orderBy('meeting_minutes.number', 'desc').execute();
}

/**
 * The meeting's revision shown in lists and searched: with `unpublished`, its newest revision; else
 * its newest published one, and with `onlyPublic` only if the meeting is public.
 */
function currentOf(db: Q, regionId: number, v: Visibility) {
	let q = db
		.selectFrom('meeting')
		.innerJoin('meeting_minutes as r', 'r.meeting_id', 'meeting.id')
		.where('meeting.region_id', '=', regionId);
	if (v.unpublished) {
		q = q.where(sql<boolean>`r.number = (select max(x.number) from meeting_minutes x where x.meeting_id = meeting.id)`);
	} else {
		q = q.whereRef('r.number', '=', 'meeting.published_number').where('r.status', '=', 'published');
		if (v.onlyPublic) q = q.where('meeting.public', '=', true);
	}
	return q;
}

/** A region's meetings, newest first. */
export function listMeetings(db: Q, regionId: number, v: Visibility) {
	return currentOf(db, regionId, v)
		.leftJoin('forbund as host', 'host.id', 'r.host_forbund_id')
		.select([
			'meeting.id',
			'meeting.public',
			'meeting.published_number',
			'r.number',
			'r.status',
			'r.title',
			'r.starts_at',
			'r.place',
			'host.name as host_name'
		])
		.orderBy('r.starts_at', 'desc')
		.orderBy('meeting.id', 'desc')
		.execute();
}

export const SEARCH_PAGE_SIZE = 20;

/**
 * Swedish full-text search in the minutes a reader may see (by the same Visibility as the list), best
 * first, with the title and a passage marked up as safe HTML. The match runs on the current revision
 * of each meeting only. Under row-level security the `@@` test is not leakproof, so PostgreSQL
 * filters rows by the policies before it may use the GIN index; a region has tens of meetings, not
 * thousands, and the region index narrows them first, so that is accepted here.
 */
export async function searchMinutes(db: Q, regionId: number, q: string, v: Visibility) {
	const query = tsquery(q);
	const rows = await currentOf(db, regionId, v)
		.where(sql<boolean>`r.search @@ ${query}`)
		.select([
			'meeting.id',
			'r.number',
			'r.status',
			'r.starts_at',
			sql<string>`ts_headline('swedish', translate(r.title, ${MARKERS}, ''), ${query}, ${WHOLE})`.as('title_marked'),
			sql<string>`ts_headline('swedish', translate(r.search_document, ${MARKERS}, ''), ${query}, ${SNIPPET})`.as(
				'snippet_marked'
			),
			sql<number>`ts_rank_cd(r.search, ${query})`.as('rank')
		])
		.orderBy('rank', 'desc')
		.orderBy('r.starts_at', 'desc')
		.limit(SEARCH_PAGE_SIZE)
		.execute();
	return rows.map(({ title_marked, snippet_marked, rank: _, ...row }) => ({
		...row,
		title_html: markedToHtml(title_marked),
		snippet_html: markedToHtml(snippet_marked.trim())
	}));
}
