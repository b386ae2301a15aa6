import type { RouterInputs } from '@regionportalen/api';
import { REGION, sleep, type ApiClient } from './harness.ts';
import type { MinutesAttempt } from './integrity.ts';

// A coordinator saving presidium minutes over and over: each save replaces the draft's attendees,
// agenda items and decisions with a new set whose size its title states (1–4 of each), so a save cut
// off half-way shows as minutes whose rows do not match their title.

type Content = RouterInputs['minutes']['create']['content'];

function content(title: string, rows: number): Content {
	const each = Array.from({ length: rows }, (_, i) => i + 1);
	return {
		title,
		starts_at: new Date('2026-12-10T09:00:00Z'),
		attendees: each.map((i) => ({ name: `Deltagare ${i}`, role: 'ledamot' as const })),
		items: each.map((i) => ({ kind: 'other' as const, heading: `Punkt ${i}`, body: `Text till punkt ${i}.` })),
		actions: each.map((i) => ({ kind: 'decision' as const, text: `Beslut ${i}` }))
	};
}

export function startMinutesLoad(api: ApiClient, prefix: string, clients: number) {
	const attempts: MinutesAttempt[] = [];
	let stopping = false;

	async function client(k: number) {
		let meeting: { id: number; version: number } | undefined;
		let uncertain = false;
		for (let n = 1; !stopping; n++) {
			if (meeting && uncertain) {
				try {
					meeting.version = (await api.minutes.forEditing.query({ id: meeting.id })).minutes.version;
					uncertain = false;
				} catch {
					await sleep(50);
					continue;
				}
			}
			const rows = (n % 4) + 1;
			const title = `${prefix} m${k} n${n} r${rows}`;
			const attempt: MinutesAttempt = { title, meetingId: meeting?.id };
			attempts.push(attempt);
			try {
				const saved = meeting
					? await api.minutes.update.mutate({ id: meeting.id, version: meeting.version, content: content(title, rows) })
					: await api.minutes.create.mutate({ region: REGION, content: content(title, rows) });
				attempt.meetingId = saved.id;
				attempt.version = saved.version;
				meeting = { id: saved.id, version: saved.version };
			} catch {
				if (meeting) uncertain = true;
				await sleep(50);
			}
		}
	}

	const running = Promise.all(Array.from({ length: clients }, (_, k) => client(k + 1)));
	return {
		attempts,
		acknowledged: () => attempts.filter((a) => a.version !== undefined).length,
		async stop() {
			stopping = true;
			await running;
		}
	};
}
