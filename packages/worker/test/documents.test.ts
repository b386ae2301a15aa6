import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createDb } from '@regionportalen/db/client';
import { scannedPdf, textPdf } from '@regionportalen/db/demo/pdf';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { LocalStorage, storeAttachment } from '@regionportalen/media';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXTRACTION_LIMITS, extractNextDocument, extractPdf } from '../src/documents.ts';

// The documents' text extraction: real PDFs made with pdf-lib, read with unpdf, in the worker's own
// database role, which may write the extraction's columns and nothing else.

const { owner, workerUrl } = await createTestDatabase();
const fx = await seedFixtures(owner);
const worker = createDb({ connectionString: workerUrl, max: 2 });
const dir = await mkdtemp(path.join(tmpdir(), 'rp-documents-'));
const storage = new LocalStorage(dir);
afterAll(async () => {
	await worker.destroy();
	await rm(dir, { recursive: true, force: true });
});

const report = {
	title: 'Årsredovisning 2025 för Samordningsförbundet',
	paragraphs: [
		'Under året har förbundet finansierat insatser för unga vuxna som står långt från arbetsmarknaden.',
		'Samverkan mellan Försäkringskassan, Arbetsförmedlingen, kommunerna och regionen har fördjupats.'
	]
};

/** A document row for a stored PDF, pending extraction. */
async function pending(bytes: Uint8Array, title = 'Rapport') {
	const stored = await storeAttachment(storage, bytes, `${title}.pdf`);
	return owner
		.insertInto('document')
		.values({
			region_id: fx.regions.norr,
			forbund_id: fx.forbund.a,
			title,
			document_date: '2026-03-01',
			kind: 'rapport',
			storage_key: stored.key,
			filename: stored.filename,
			size_bytes: stored.size
		})
		.returning('id')
		.executeTakeFirstOrThrow();
}

const rowOf = (id: number) =>
	owner
		.selectFrom('document')
		.select(['text_status', 'text', 'page_count', 'extracted_at'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();

describe('extracting a PDF’s text', () => {
	it('reads the text of a real PDF, å, ä and ö intact, and counts its pages', async () => {
		const long = {
			...report,
			paragraphs: Array.from({ length: 120 }, (_, i) => `${i + 1}. ${report.paragraphs[i % 2]}`)
		};
		const result = await extractPdf(await textPdf(long));
		expect(result.status).toBe('extracted');
		if (result.status !== 'extracted') return;
		expect(result.text).toContain('Årsredovisning 2025 för Samordningsförbundet');
		expect(result.text).toContain('Försäkringskassan, Arbetsförmedlingen');
		expect(result.pageCount).toBeGreaterThan(1);
	});

	it('marks a scanned PDF without text no_text', async () => {
		expect(await extractPdf(await scannedPdf(2))).toEqual({ status: 'no_text', pageCount: 2 });
	});

	it('keeps to its limits: bytes, pages, characters and time', async () => {
		const bytes = await textPdf(report);
		const limits = DEFAULT_EXTRACTION_LIMITS;
		expect(await extractPdf(bytes, { ...limits, maxBytes: bytes.length - 1 })).toEqual({
			status: 'too_large',
			pageCount: null
		});
		expect(await extractPdf(await scannedPdf(3), { ...limits, maxPages: 2 })).toEqual({
			status: 'too_large',
			pageCount: 3
		});
		const cut = await extractPdf(bytes, { ...limits, maxChars: 20 });
		expect(cut).toMatchObject({ status: 'extracted', text: 'Årsredovisning 2025 ' });
		expect(await extractPdf(bytes, { ...limits, timeoutMs: 0 })).toMatchObject({ status: 'failed' });
	});

	it('fails a file that is no PDF after all', async () => {
		const broken = new TextEncoder().encode('%PDF-1.7\nthis is not really a PDF');
		expect(await extractPdf(broken)).toMatchObject({ status: 'failed', pageCount: null });
	});
});

describe('the pending documents', () => {
	it('are extracted one at a time, as the worker, and searchable afterwards', async () => {
		const text = await pending(await textPdf(report), 'Årsredovisning');
		const scan = await pending(await scannedPdf(), 'Inskannat protokoll');
		expect(await extractNextDocument(worker, storage)).toBe(true);
		expect(await extractNextDocument(worker, storage)).toBe(true);
		expect(await extractNextDocument(worker, storage)).toBe(false);

		const extracted = await rowOf(text.id);
		expect(extracted).toMatchObject({ text_status: 'extracted', page_count: 1 });
		expect(extracted.text).toContain('unga vuxna som står långt från arbetsmarknaden');
		expect(extracted.extracted_at).toBeInstanceOf(Date);
		expect(await rowOf(scan.id)).toMatchObject({ text_status: 'no_text', text: '', page_count: 1 });

		// The Swedish search vector covers the text: "insatserna" finds "insatser" (both stem to "insats").
		const found = await owner
			.selectFrom('document')
			.select('id')
			.where(sql<boolean>`search @@ to_tsquery('swedish', 'insatserna')`)
			.execute();
		expect(found.map((r) => r.id)).toEqual([text.id]);
	});

	it('marks a document whose file is missing failed', async () => {
		const doc = await pending(await textPdf(report), 'Borttagen');
		const { storage_key } = await owner
			.selectFrom('document')
			.select('storage_key')
			.where('id', '=', doc.id)
			.executeTakeFirstOrThrow();
		await storage.delete(storage_key);
		expect(await extractNextDocument(worker, storage)).toBe(true);
		expect(await rowOf(doc.id)).toMatchObject({ text_status: 'failed', text: '' });
	});

	it('lets the worker write only the extraction’s columns', async () => {
		const doc = await pending(await textPdf(report), 'Fast titel');
		await expect(
			worker.updateTable('document').set({ title: 'Ändrad av arbetaren' }).where('id', '=', doc.id).execute()
		).rejects.toThrow(/permission denied/);
		await expect(worker.deleteFrom('document').where('id', '=', doc.id).execute()).rejects.toThrow(/permission denied/);
	});
});
