import type { DocumentTextStatus } from '@regionportalen/db';

export { DOCUMENT_KIND_LABELS } from '@regionportalen/db';

/** Where the worker is with a document's text, in the editor's words. */
export const TEXT_STATUS_LABELS: Record<DocumentTextStatus, string> = {
	pending: 'Texten läses in',
	extracted: 'Sökbar',
	no_text: 'Ingen sökbar text',
	too_large: 'För stor för att göras sökbar',
	failed: 'Texten kunde inte läsas'
};

/** A document's date (YYYY-MM-DD as the database gives it) as a Swedish date: "4 december 2026". */
export function documentDate(day: string): Date {
	// Noon UTC is the same day in Stockholm, summer and winter.
	return new Date(`${day}T12:00:00Z`);
}
