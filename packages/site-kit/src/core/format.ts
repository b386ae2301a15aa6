// Swedish formatting, in Swedish time, the same on server and browser.

const dateFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' });
const isoDate = new Intl.DateTimeFormat('sv-SE', {
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	timeZone: 'Europe/Stockholm'
});

/** "4 december 2018" */
export function formatDate(date: Date): string {
	return dateFormat.format(date);
}

const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', {
	dateStyle: 'long',
	timeStyle: 'short',
	timeZone: 'Europe/Stockholm'
});

/** "4 december 2018 kl. 09:30" */
export function formatDateTime(date: Date): string {
	return dateTimeFormat.format(date);
}

/** "20 november 2026" for a day as the API gives it (ÅÅÅÅ-MM-DD): noon UTC is that day in Sweden too. */
export function formatDay(iso: string): string {
	return formatDate(new Date(`${iso}T12:00:00Z`));
}

const numberFormat = new Intl.NumberFormat('sv-SE');

/** "2 500", with Swedish digit grouping. */
export function formatNumber(n: number): string {
	return numberFormat.format(n);
}

/** "1 250 000 kr", or a dash for nothing reported. */
export function formatKronor(amount: number | null): string {
	return amount === null ? '–' : `${formatNumber(amount)} kr`;
}

/** "2018-12-04", for <time datetime>. */
export function isoDay(date: Date): string {
	return isoDate.format(date);
}

/** Plain text split into paragraphs at blank lines. */
export function paragraphs(text: string): string[] {
	return text
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);
}
