// The worker's jobs decide by the Swedish calendar day, whatever the server's time zone: at 00:30
// Swedish time on the 1st it is still the 31st in UTC, and the job is the 1st's.

/** The Swedish date of `at`, YYYY-MM-DD. */
export function swedishDay(at: Date): string {
	return at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/** The first day of the Swedish month of `at`, YYYY-MM-01. */
export function swedishMonth(at: Date): string {
	return `${swedishDay(at).slice(0, 7)}-01`;
}
