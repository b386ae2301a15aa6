import { sql } from 'kysely';
import type { Db } from '@regionportalen/db/client';

// What the database must hold after a fault, read with the owner's connection (past row-level
// security). A save is one transaction: the item's row, its revision and its audit entry, or for
// minutes the revision's row with its attendees, items and decisions. Each check returns the
// problems it found, for the assertion's message: none means every save is whole or absent.

/** One save a client sent, with what it was told. */
export interface NewsAttempt {
	kind: 'create' | 'update';
	title: string;
	/** The item it saved (known for updates, and for creates that were answered). */
	itemId?: number;
	/** The version the server answered with: only for an acknowledged save. */
	version?: number;
}

export interface NewsFigures {
	acknowledged: number;
	found: number;
	lost: number;
	unanswered: number;
	unansweredPresent: number;
	unansweredAbsent: number;
	items: number;
	problems: string[];
}

/**
 * Every item whose title starts with `prefix`: its revisions are exactly versions 1…version, the
 * latest holds the item's own title, and its audit log has one creation and one entry per update.
 * Then every acknowledged save is there as answered, and every other one is wholly there or absent.
 */
export async function checkNews(db: Db, prefix: string, attempts: NewsAttempt[]): Promise<NewsFigures> {
	const problems: string[] = [];
	const items = await db
		.selectFrom('news')
		.select(['id', 'title', 'version'])
		.where('title', 'like', `${prefix}%`)
		.execute();
	const ids = items.map((i) => i.id);
	const revisions = await db
		.selectFrom('news_revision')
		.select(['news_id', 'version', 'title'])
		.where((eb) => eb.or([eb('title', 'like', `${prefix}%`), ...(ids.length ? [eb('news_id', 'in', ids)] : [])]))
		.execute();
	const audits = ids.length
		? await db
				.selectFrom('audit_log')
				.select(['entity_id', 'action', sql<number>`count(*)::int`.as('n')])
				.where('entity_type', '=', 'news')
				.where('action', 'in', ['news.create', 'news.update'])
				.where(
					'entity_id',
					'in',
					ids.map((id) => String(id))
				)
				.groupBy(['entity_id', 'action'])
				.execute()
		: [];
	const auditCount = (id: number, action: string) =>
		audits.find((a) => a.entity_id === String(id) && a.action === action)?.n ?? 0;

	const byItem = new Map<number, { version: number; title: string }[]>();
	for (const r of revisions) byItem.set(r.news_id, [...(byItem.get(r.news_id) ?? []), r]);
	for (const r of revisions) {
		if (!items.some((i) => i.id === r.news_id)) problems.push(`revision ${r.version} of item ${r.news_id} has no item`);
	}
	for (const item of items) {
		const versions = (byItem.get(item.id) ?? []).map((r) => r.version).sort((a, b) => a - b);
		const expected = Array.from({ length: item.version }, (_, i) => i + 1);
		if (versions.join() !== expected.join()) {
			problems.push(`item ${item.id} at version ${item.version} has revisions [${versions.join()}]`);
		}
		const latest = byItem.get(item.id)?.find((r) => r.version === item.version);
		if (latest && latest.title !== item.title) problems.push(`item ${item.id}'s latest revision is not its content`);
		if (auditCount(item.id, 'news.create') !== 1 || auditCount(item.id, 'news.update') !== item.version - 1) {
			problems.push(
				`item ${item.id} at version ${item.version} has ${auditCount(item.id, 'news.create')} creation and ` +
					`${auditCount(item.id, 'news.update')} update audit entries`
			);
		}
	}

	const revisionTitled = (title: string) => revisions.filter((r) => r.title === title);
	let found = 0;
	let present = 0;
	const acknowledged = attempts.filter((a) => a.version !== undefined);
	for (const a of acknowledged) {
		const r = revisionTitled(a.title);
		if (r.length === 1 && r[0]!.news_id === a.itemId && r[0]!.version === a.version) found++;
		else problems.push(`acknowledged save "${a.title}" (item ${a.itemId}, version ${a.version}) is not there`);
	}
	const unanswered = attempts.filter((a) => a.version === undefined);
	for (const a of unanswered) {
		const r = revisionTitled(a.title);
		// Present means present whole: the checks above found its item, revisions and audit complete.
		if (r.length === 1 && (a.itemId === undefined || r[0]!.news_id === a.itemId)) present++;
		else if (r.length > 1) problems.push(`unanswered save "${a.title}" is there ${r.length} times`);
	}
	return {
		acknowledged: acknowledged.length,
		found,
		lost: acknowledged.length - found,
		unanswered: unanswered.length,
		unansweredPresent: present,
		unansweredAbsent: unanswered.length - present,
		items: items.length,
		problems
	};
}

/** One minutes save: its title says how many attendees, items and decisions it wrote. */
export interface MinutesAttempt {
	meetingId?: number;
	title: string;
	version?: number;
}

/** The rows a minutes save with this title writes of each kind (the title ends in " r<n>"). */
export function rowsInTitle(title: string): number {
	return Number(/ r(\d+)$/.exec(title)?.[1] ?? NaN);
}

/**
 * Every meeting made since `since` has its minutes, and every minutes' attendees, items and decisions
 * are exactly the set its title says (a half-written save would leave none, or two saves' worth);
 * every acknowledged save is there, or a later one of the same meeting is.
 */
export async function checkMinutes(db: Db, prefix: string, since: Date, attempts: MinutesAttempt[]) {
	const problems: string[] = [];
	const minutes = await db
		.selectFrom('meeting_minutes')
		.select((eb) => [
			'id',
			'meeting_id',
			'title',
			'version',
			eb
				.selectFrom('minutes_attendee')
				.whereRef('minutes_id', '=', 'meeting_minutes.id')
				.select(eb.fn.countAll<number>().as('n'))
				.as('attendees'),
			eb
				.selectFrom('minutes_item')
				.whereRef('minutes_id', '=', 'meeting_minutes.id')
				.select(eb.fn.countAll<number>().as('n'))
				.as('items'),
			eb
				.selectFrom('minutes_action')
				.whereRef('minutes_id', '=', 'meeting_minutes.id')
				.select(eb.fn.countAll<number>().as('n'))
				.as('actions')
		])
		.where('title', 'like', `${prefix}%`)
		.execute();
	// By time, not by the ids the clients were told: a creation that committed unanswered counts too.
	const withoutMinutes = await db
		.selectFrom('meeting')
		.select('id')
		.where('created_at', '>=', since)
		.where((eb) =>
			eb.not(eb.exists(eb.selectFrom('meeting_minutes').whereRef('meeting_id', '=', 'meeting.id').select('id')))
		)
		.execute();
	for (const m of withoutMinutes) problems.push(`meeting ${m.id} has no minutes`);
	for (const m of minutes) {
		const n = rowsInTitle(m.title);
		const counts = [m.attendees, m.items, m.actions].map(Number);
		if (counts.some((c) => c !== n)) problems.push(`minutes "${m.title}" hold ${counts.join('/')} rows, not ${n} each`);
	}
	let found = 0;
	const acknowledged = attempts.filter((a) => a.version !== undefined);
	for (const a of acknowledged) {
		const m = minutes.find((row) => row.meeting_id === a.meetingId);
		// A later save of the same meeting replaces the text, so the acknowledged one lives on in a higher version.
		if (m && (m.version > a.version! || (m.version === a.version && m.title === a.title))) found++;
		else problems.push(`acknowledged minutes save "${a.title}" (version ${a.version}) is not there`);
	}
	return {
		acknowledged: acknowledged.length,
		found,
		lost: acknowledged.length - found,
		unanswered: attempts.length - acknowledged.length,
		meetings: minutes.length,
		problems
	};
}
