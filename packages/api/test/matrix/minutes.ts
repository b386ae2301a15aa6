import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { insertMeeting, minutesCallersFor, seedPresidium, type MeetingState } from '../helpers.ts';
import { defineMatrix, type ProcedureCase } from './runner.ts';

// The presidium minutes: every procedure, for every role, in both regions. Each case starts from one
// meeting per state in each region (a draft, approved, published to members, published to everyone).

const ACTORS = [
	'anonymous',
	'noRoles',
	'editorA',
	'adminA',
	'presidiumA',
	'presidiumC',
	'coordinatorNorr',
	'platformAdmin'
] as const;
type Actor = (typeof ACTORS)[number];
const REGIONS = ['norr', 'syd'] as const;
type Region = (typeof REGIONS)[number];

/** Who may write a region's minutes, and who may read its published ones. */
function writes(actor: Actor, region: Region) {
	return actor === 'platformAdmin' || (actor === 'coordinatorNorr' && region === 'norr');
}
function reads(actor: Actor, region: Region) {
	return (
		writes(actor, region) ||
		(region === 'norr' && (actor === 'adminA' || actor === 'presidiumA')) ||
		(region === 'syd' && actor === 'presidiumC')
	);
}

/** The states a list or a search shows the actor. */
function visibleStates(actor: Actor, region: Region): MeetingState[] {
	if (writes(actor, region)) return ['draft', 'approved', 'published', 'public'];
	if (reads(actor, region)) return ['published', 'public'];
	return ['public'];
}

type World = Record<Region, Record<MeetingState, Awaited<ReturnType<typeof insertMeeting>>>>;

async function world(owner: Db, fx: Fixtures): Promise<World> {
	await sql`truncate minutes_attachment, minutes_action, minutes_item, minutes_attendee, meeting_minutes, meeting`.execute(
		owner
	);
	const w = {} as World;
	for (const region of REGIONS) {
		w[region] = {} as World[Region];
		for (const state of ['draft', 'approved', 'published', 'public'] as const) {
			w[region][state] = await insertMeeting(owner, fx.regions[region], state, 'matrisord');
		}
	}
	return w;
}

type Case = ProcedureCase<Actor, Region, World>;
type Call = Case['call'];

/** A list or search: open to all, and showing exactly the meetings the actor may see (with or without the API's checks). */
const listing = (call: Call, ids: (value: unknown) => number[]): Case => ({
	call,
	allowed: () => true,
	verify: (value, { actor, scope, world, label }) => {
		const expected = visibleStates(actor, scope).map((state) => world[scope][state].meeting);
		expect(
			ids(value).sort((a, b) => a - b),
			`${label} shows the wrong meetings`
		).toEqual(expected.sort((a, b) => a - b));
	}
});
const forReaders = (call: Call): Case => ({ call, allowed: reads });
const forWriters = (call: Call): Case => ({ call, allowed: writes });

const content = { title: 'Matrismöte', starts_at: new Date('2024-05-01T14:00:00Z') };

export async function minutesMatrix(db: Db, owner: Db, fx: Fixtures) {
	const presidium = await seedPresidium(owner, fx);
	return defineMatrix<Actor, Region, World>({
		name: 'minutes',
		actors: ACTORS,
		scopes: REGIONS,
		callers: minutesCallersFor(db, fx, presidium),
		reset: () => world(owner, fx),
		tables: ['meeting', 'meeting_minutes', 'minutes_attendee', 'minutes_item', 'minutes_action', 'minutes_attachment'],
		procedures: {
			'minutes.list': listing(
				(c, region) => c.minutes.list({ region }),
				(v) => (v as { meetings: { id: number }[] }).meetings.map((m) => m.id)
			),
			'minutes.search': listing(
				(c, region) => c.minutes.search({ region, q: 'matrisord' }),
				(v) => (v as { id: number }[]).map((m) => m.id)
			),
			'minutes.meeting#public': {
				call: (c, region, w) => c.minutes.meeting({ region, id: w[region].public.meeting }),
				allowed: () => true
			},
			'minutes.meeting#published': forReaders((c, region, w) =>
				c.minutes.meeting({ region, id: w[region].published.meeting })
			),
			'minutes.meeting#approved': forWriters((c, region, w) =>
				c.minutes.meeting({ region, id: w[region].approved.meeting })
			),
			'minutes.meeting#draft': forWriters((c, region, w) => c.minutes.meeting({ region, id: w[region].draft.meeting })),
			'minutes.attachment': forReaders((c, region, w) =>
				c.minutes.attachment({ region, id: w[region].published.meeting, attachmentId: w[region].published.attachment })
			),
			'minutes.forEditing': forWriters((c, region, w) => c.minutes.forEditing({ id: w[region].draft.meeting })),
			'minutes.create': forWriters((c, region) => c.minutes.create({ region, content })),
			'minutes.update': forWriters((c, region, w) =>
				c.minutes.update({ id: w[region].draft.meeting, version: 1, content })
			),
			'minutes.approve': forWriters((c, region, w) =>
				c.minutes.approve({ id: w[region].draft.meeting, version: 1, adjusters: ['Justerare Två'] })
			),
			'minutes.publish': forWriters((c, region, w) => c.minutes.publish({ id: w[region].approved.meeting })),
			'minutes.setPublic': forWriters((c, region, w) =>
				c.minutes.setPublic({ id: w[region].published.meeting, public: true })
			),
			'minutes.correct': forWriters((c, region, w) =>
				c.minutes.correct({ id: w[region].published.meeting, reason: 'Fel namn på en deltagare.' })
			),
			'minutes.addAttachment': forWriters((c, region, w) =>
				c.minutes.addAttachment({
					id: w[region].draft.meeting,
					key: `private/${'b'.repeat(32)}/ny.pdf`,
					filename: 'ny.pdf',
					size: 10
				})
			),
			'minutes.removeAttachment': forWriters((c, region, w) =>
				c.minutes.removeAttachment({ id: w[region].draft.meeting, attachmentId: w[region].draft.attachment })
			)
		}
	});
}
