// Editors type times in Swedish local time (an <input type="datetime-local"> has no zone); the
// database keeps instants. These convert between the two in Europe/Stockholm, summer time included.

const ZONE = 'Europe/Stockholm';

function offsetMinutes(instant: Date): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: ZONE,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(instant);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** "2026-12-01T09:30" (seconds optional) in Stockholm → the instant; null for anything else. */
export function fromStockholmLocal(value: string): Date | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
	if (!m) return null;
	const naive = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
	// The offset at the guess, then at the corrected instant (right across a DST change).
	let instant = naive - offsetMinutes(new Date(naive)) * 60_000;
	instant = naive - offsetMinutes(new Date(instant)) * 60_000;
	return new Date(instant);
}

/** The instant as "2026-12-01T09:30" in Stockholm, for a datetime-local input. */
export function toStockholmLocal(instant: Date): string {
	const local = new Date(instant.getTime() + offsetMinutes(instant) * 60_000);
	return local.toISOString().slice(0, 16);
}
