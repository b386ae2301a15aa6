import { describe, expect, it } from 'vitest';
import {
	LocalStorage,
	MAX_ATTACHMENT_BYTES,
	MediaError,
	isPdf,
	isValidKey,
	readAll,
	sanitizeFilename,
	storeAttachment
} from '../src/index.ts';
import { filesUnder, tempDir } from './helpers.ts';

const encode = (s: string) => new TextEncoder().encode(s);
const pdf = encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function rejection(promise: Promise<unknown>): Promise<MediaError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(MediaError);
	return error as MediaError;
}

describe('storeAttachment', () => {
	it('stores a PDF as it came, under a new key, with its cleaned-up name', async () => {
		const storage = new LocalStorage(await tempDir());
		const stored = await storeAttachment(storage, pdf, 'C:\\Users\\anna\\Årsrapport 2025 (slutlig).PDF');
		expect(stored).toEqual({
			key: expect.stringMatching(/^files\/[0-9a-f]{32}\/arsrapport-2025-slutlig\.pdf$/),
			filename: 'Årsrapport 2025 (slutlig).pdf',
			contentType: 'application/pdf',
			size: pdf.length
		});
		expect(isValidKey(stored.key)).toBe(true);
		const object = await storage.get(stored.key);
		expect(object).toMatchObject({
			contentType: 'application/pdf',
			size: pdf.length,
			filename: 'Årsrapport 2025 (slutlig).pdf'
		});
		expect(await readAll(object!)).toEqual(pdf);

		const again = await storeAttachment(storage, pdf, 'Årsrapport 2025 (slutlig).pdf');
		expect(again.key).not.toBe(stored.key);
	});

	it('refuses anything but a PDF, judged by its bytes', async () => {
		const root = await tempDir();
		const storage = new LocalStorage(root);
		for (const [name, bytes] of [
			['protokoll.pdf', encode('Protokoll från mötet')],
			['bild.pdf', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
			['skript.pdf', encode('<html><script>alert(1)</script></html>')],
			['nästan.pdf', encode(' %PDF-1.4')],
			['kort.pdf', encode('%PDF')]
		] as const) {
			const error = await rejection(storeAttachment(storage, bytes, name));
			expect([name, error.code, error.message]).toEqual([
				name,
				'wrong_type',
				'Filen är inte en PDF. Bilagor kan bara vara PDF-filer.'
			]);
		}
		expect((await rejection(storeAttachment(storage, new Uint8Array(), 'tom.pdf'))).code).toBe('empty');
		expect(await filesUnder(root)).toEqual([]);
	});

	it('refuses a PDF over 20 MB and takes one of exactly 20 MB', async () => {
		const storage = new LocalStorage(await tempDir());
		const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
		big.set(encode('%PDF-1.4\n'));
		const error = await rejection(storeAttachment(storage, big, 'stor.pdf'));
		expect([error.code, error.message]).toEqual(['too_large', 'Bilagan får vara högst 20 MB.']);
		const stored = await storeAttachment(storage, big.subarray(0, MAX_ATTACHMENT_BYTES), 'stor.pdf');
		expect(stored.size).toBe(MAX_ATTACHMENT_BYTES);
	});
});

describe('isPdf', () => {
	it('looks for %PDF- at the very start', () => {
		expect(isPdf(pdf)).toBe(true);
		expect(isPdf(encode('%PDF-'))).toBe(true);
		expect(isPdf(encode('%PDF'))).toBe(false);
		expect(isPdf(encode('%pdf-1.4'))).toBe(false);
		expect(isPdf(encode('\n%PDF-1.4'))).toBe(false);
	});
});

describe('sanitizeFilename', () => {
	it('keeps a readable name, without folders, control characters or forbidden characters', () => {
		for (const [input, output] of [
			['Årsrapport 2025.pdf', 'Årsrapport 2025.pdf'],
			['rapport.PDF', 'rapport.pdf'],
			['rapport', 'rapport.pdf'],
			['rapport.docx', 'rapport.docx.pdf'],
			['../../etc/passwd', 'passwd.pdf'],
			['..\\..\\boot.ini', 'boot.ini.pdf'],
			['/', 'bilaga.pdf'],
			['', 'bilaga.pdf'],
			['...pdf', 'bilaga.pdf'],
			['.pdf', 'bilaga.pdf'],
			['  .hidden  .pdf', 'hidden.pdf'],
			['a\u0000b\nc\td.pdf', 'ab c d.pdf'],
			['evil\u202Efdp.exe', 'evilfdp.exe.pdf'],
			['what?<is>:"this"|*.pdf', 'whatisthis.pdf'],
			['A\u030Angström.pdf', 'Ångström.pdf'],
			['rapport  med   mellanslag.pdf', 'rapport med mellanslag.pdf']
		]) {
			expect([input, sanitizeFilename(input!)]).toEqual([input, output]);
		}
	});

	it('caps the name at 100 characters before .pdf', () => {
		const name = sanitizeFilename('ö'.repeat(300) + '.pdf');
		expect(name).toBe('ö'.repeat(100) + '.pdf');
	});
});
