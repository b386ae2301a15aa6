// Public figures about people are shown in aggregate, and a count under 5 only as "<5": with so
// few, a reader who knows the place could tell who took part. For the catalogue's figures per year
// and the joint projects' alike.

export const SMALL_COUNT_LIMIT = 5;
export const SMALL_COUNT_TEXT = '<5';

/** A count as it may be shown publicly: null stays null (not reported), under 5 is "<5". */
export function maskSmallCount(count: number | null | undefined): string | null {
	if (count === null || count === undefined) return null;
	return count < SMALL_COUNT_LIMIT ? SMALL_COUNT_TEXT : String(count);
}
