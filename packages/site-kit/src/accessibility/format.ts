import { formatDate } from '../core/index.ts';

/** "20 november 2026" for a day as the API gives it (ÅÅÅÅ-MM-DD): noon UTC is that day in Sweden too. */
export function formatDay(iso: string): string {
	return formatDate(new Date(`${iso}T12:00:00Z`));
}
