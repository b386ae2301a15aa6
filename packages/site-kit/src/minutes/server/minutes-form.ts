import type { RouterInputs, RouterOutputs } from '@regionportalen/api';
import type { ActionKind, AgendaKind, AttendeeRole } from '@regionportalen/db';
import { fromStockholmLocal, toStockholmLocal } from '../../core/server/index.ts';

// The minutes editor's form without JavaScript: every row of attendees, agenda items and decisions
// is a numbered group of fields (`attendee.3.name`), and the form always ends with a few empty rows.
// An empty row is not saved, a row with "Ta bort" ticked is dropped, so rows are added by filling
// in an empty one and saving, and removed by ticking and saving.

export type MinutesContentInput = RouterInputs['minutes']['create']['content'];
type Editing = RouterOutputs['minutes']['forEditing'];

/** What the form shows, as typed (strings), so a refused save shows everything again. */
export interface MinutesFormValues {
	title: string;
	date: string;
	startTime: string;
	endTime: string;
	place: string;
	host: string;
	nextHost: string;
	nextDate: string;
	nextStartTime: string;
	nextEndTime: string;
	nextPlace: string;
	attendees: { name: string; forbund: string; role: string; title: string; user: string }[];
	items: { kind: string; forbund: string; heading: string; presenter: string; body: string }[];
	actions: { kind: string; text: string; responsible: string; due: string }[];
}

/** Empty rows at the end of each list. */
export const BLANK_ROWS = { attendees: 3, items: 2, actions: 2 } as const;

const MAX_ROWS = 100;

function rows<T>(form: FormData, prefix: string, fields: (keyof T & string)[], filled: keyof T & string): T[] {
	const result: T[] = [];
	for (let i = 0; i < MAX_ROWS + 10; i++) {
		if (!form.has(`${prefix}.${i}.${filled}`)) continue;
		if (form.get(`${prefix}.${i}.remove`) === 'on') continue;
		const row = Object.fromEntries(fields.map((f) => [f, String(form.get(`${prefix}.${i}.${f}`) ?? '').trim()])) as T;
		// A row left empty is one of the blank rows at the end.
		if (fields.every((f) => f === 'kind' || f === 'role' || !row[f])) continue;
		result.push(row);
	}
	return result;
}

export function valuesFromForm(form: FormData): MinutesFormValues {
	const text = (name: string) => String(form.get(name) ?? '').trim();
	return {
		title: text('title'),
		date: text('date'),
		startTime: text('startTime'),
		endTime: text('endTime'),
		place: text('place'),
		host: text('host'),
		nextHost: text('nextHost'),
		nextDate: text('nextDate'),
		nextStartTime: text('nextStartTime'),
		nextEndTime: text('nextEndTime'),
		nextPlace: text('nextPlace'),
		attendees: rows(form, 'attendee', ['name', 'forbund', 'role', 'title', 'user'], 'name'),
		items: rows(form, 'item', ['kind', 'forbund', 'heading', 'presenter', 'body'], 'heading'),
		actions: rows(form, 'action', ['kind', 'text', 'responsible', 'due'], 'text')
	};
}

const split = (d: Date | null) => {
	const local = d ? toStockholmLocal(d) : '';
	return { date: local.slice(0, 10), time: local.slice(11, 16) };
};

export function valuesFromMinutes(data: Editing): MinutesFormValues {
	const m = data.minutes;
	const start = split(m.starts_at);
	const next = split(m.next_starts_at);
	const id = (n: number | null) => (n === null ? '' : String(n));
	return {
		title: m.title,
		date: start.date,
		startTime: start.time,
		endTime: split(m.ends_at).time,
		place: m.place,
		host: id(m.host_forbund_id),
		nextHost: id(m.next_host_forbund_id),
		nextDate: next.date,
		nextStartTime: next.time,
		nextEndTime: split(m.next_ends_at).time,
		nextPlace: m.next_place,
		attendees: data.attendees.map((a) => ({
			name: a.name,
			forbund: id(a.forbund_id),
			role: a.role,
			title: a.title,
			user: id(a.user_id)
		})),
		items: data.items.map((i) => ({
			kind: i.kind,
			forbund: id(i.forbund_id),
			heading: i.heading,
			presenter: i.presenter,
			body: i.body
		})),
		actions: data.actions.map((a) => ({
			kind: a.kind,
			text: a.text,
			responsible: a.responsible,
			due: a.due_date ?? ''
		}))
	};
}

export const emptyValues = (): MinutesFormValues => ({
	title: '',
	date: '',
	startTime: '',
	endTime: '',
	place: '',
	host: '',
	nextHost: '',
	nextDate: '',
	nextStartTime: '',
	nextEndTime: '',
	nextPlace: '',
	attendees: [],
	items: [],
	actions: []
});

const at = (date: string, time: string) => (date && time ? fromStockholmLocal(`${date}T${time}`) : null);
const ref = (value: string) => (value ? Number(value) : null);

/**
 * The form's values as the API's input; the API validates everything else (a role or kind that is
 * not one of the enum's is refused there, hence the casts). A date or time that
 * cannot be read is a message here, since the API only sees instants.
 */
export function contentFromValues(v: MinutesFormValues): { content: MinutesContentInput } | { message: string } {
	const startsAt = at(v.date, v.startTime);
	if (!startsAt) return { message: 'Ange mötets datum och starttid.' };
	if (v.endTime && !at(v.date, v.endTime)) return { message: 'Sluttiden går inte att läsa.' };
	if ((v.nextStartTime || v.nextEndTime) && !v.nextDate) return { message: 'Ange datum för nästa möte.' };
	if (v.nextDate && !v.nextStartTime) return { message: 'Ange starttid för nästa möte.' };
	return {
		content: {
			title: v.title,
			starts_at: startsAt,
			ends_at: v.endTime ? at(v.date, v.endTime) : null,
			place: v.place,
			host_forbund_id: ref(v.host),
			next_host_forbund_id: ref(v.nextHost),
			next_starts_at: at(v.nextDate, v.nextStartTime),
			next_ends_at: v.nextEndTime ? at(v.nextDate, v.nextEndTime) : null,
			next_place: v.nextPlace,
			attendees: v.attendees.map((a) => ({
				name: a.name,
				forbund_id: ref(a.forbund),
				role: a.role as AttendeeRole,
				title: a.title,
				user_id: ref(a.user)
			})),
			items: v.items.map((i) => ({
				kind: i.kind as AgendaKind,
				forbund_id: ref(i.forbund),
				heading: i.heading,
				presenter: i.presenter,
				body: i.body
			})),
			actions: v.actions.map((a) => ({
				kind: a.kind as ActionKind,
				text: a.text,
				responsible: a.responsible,
				due_date: a.due || null
			}))
		}
	};
}
