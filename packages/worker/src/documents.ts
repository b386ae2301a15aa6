import { readAll, type MediaStorage } from '@regionportalen/media';
import type { Db } from '@regionportalen/db/client';
import { extractText, getDocumentProxy } from 'unpdf';

// The document library's text extraction: each pending document's PDF is read from the media
// storage and its text extracted with unpdf (PDF.js, built to run in Node without a canvas), so
// that the library's Swedish full-text search finds it. The worker writes only the extraction's
// columns (page_count, text_status, text, extracted_at; migration 0022 grants no more).
//
// Limits, so that one file cannot stall the worker: files over `maxBytes` or with more than
// `maxPages` pages are too_large (not read); text past `maxChars` is cut there (the search vector
// covers the first 500,000 characters anyway); an extraction running past `timeoutMs` is failed.
// A PDF with no text at all (a scan) is no_text, which the library shows as "ingen sökbar text".

export interface ExtractionLimits {
	maxBytes: number;
	maxPages: number;
	maxChars: number;
	timeoutMs: number;
}

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = {
	maxBytes: 25 * 1024 * 1024,
	maxPages: 500,
	maxChars: 2_000_000,
	timeoutMs: 60_000
};

export type Extraction =
	| { status: 'extracted'; text: string; pageCount: number }
	| { status: 'no_text'; pageCount: number }
	| { status: 'too_large'; pageCount: number | null }
	| { status: 'failed'; pageCount: null; reason: string };

class TimedOut extends Error {}

/** The text of one PDF, within the limits. Never throws: a broken file is `failed`. */
export async function extractPdf(
	bytes: Uint8Array,
	limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS
): Promise<Extraction> {
	if (bytes.length > limits.maxBytes) return { status: 'too_large', pageCount: null };
	let pdf: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
	let timer: NodeJS.Timeout | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new TimedOut()), limits.timeoutMs);
	});
	try {
		// PDF.js may detach the buffer it is given: it gets a copy.
		pdf = await Promise.race([getDocumentProxy(new Uint8Array(bytes)), deadline]);
		const pageCount = pdf.numPages;
		if (pageCount > limits.maxPages) return { status: 'too_large', pageCount };
		const { text } = await Promise.race([extractText(pdf, { mergePages: false }), deadline]);
		const joined = text
			.map((page) =>
				page
					.replace(/\u0000/g, '')
					.replace(/[ \t]+/g, ' ')
					.trim()
			)
			.filter((page) => page !== '')
			.join('\n\n');
		if (joined.trim() === '') return { status: 'no_text', pageCount };
		return { status: 'extracted', text: [...joined].slice(0, limits.maxChars).join(''), pageCount };
	} catch (error) {
		const reason = error instanceof TimedOut ? `took longer than ${limits.timeoutMs} ms` : (error as Error).message;
		return { status: 'failed', pageCount: null, reason };
	} finally {
		clearTimeout(timer);
		// Frees what PDF.js holds of the document (its pages, fonts, the parsed file).
		await pdf?.loadingTask.destroy().catch(() => undefined);
	}
}

/**
 * Extracts the oldest pending document's text, if there is one, and says whether there was. The row
 * is locked while it is read (skip locked: several workers take different documents), so the
 * result is written once.
 */
export async function extractNextDocument(
	db: Db,
	storage: MediaStorage,
	limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const next = await trx
			.selectFrom('document')
			.select(['id', 'storage_key', 'size_bytes'])
			.where('text_status', '=', 'pending')
			.orderBy('id')
			.limit(1)
			.forUpdate()
			.skipLocked()
			.executeTakeFirst();
		if (!next) return false;
		let result: Extraction;
		const object = await storage.get(next.storage_key);
		if (!object) result = { status: 'failed', pageCount: null, reason: 'the file is missing' };
		else if (object.size > limits.maxBytes) result = { status: 'too_large', pageCount: null };
		else result = await extractPdf(await readAll(object), limits);
		if (result.status === 'failed') console.warn(`Document ${next.id}: extracting its text failed: ${result.reason}`);
		await trx
			.updateTable('document')
			.set({
				text_status: result.status,
				text: result.status === 'extracted' ? result.text : '',
				page_count: result.pageCount,
				extracted_at: new Date()
			})
			.where('id', '=', next.id)
			.execute();
		return true;
	});
}

export interface DocumentExtractor {
	stop(): Promise<void>;
}

/** Extracts pending documents one at a time, looking again every `pollMs` when none is left. */
export function startDocumentExtractor(options: {
	db: Db;
	storage: MediaStorage;
	limits?: ExtractionLimits;
	pollMs?: number;
}): DocumentExtractor {
	const { db, storage, limits = DEFAULT_EXTRACTION_LIMITS, pollMs = 2000 } = options;
	let stopped = false;
	let wake: (() => void) | undefined;
	const sleep = () =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(() => resolve(), pollMs);
			wake = () => {
				clearTimeout(timer);
				resolve();
			};
		});
	const loop = (async () => {
		while (!stopped) {
			try {
				if (!(await extractNextDocument(db, storage, limits))) await sleep();
			} catch (error) {
				console.warn(`Extracting documents' text failed: ${(error as Error).message}`);
				await sleep();
			}
		}
	})();
	return {
		async stop() {
			stopped = true;
			wake?.();
			await loop;
		}
	};
}
