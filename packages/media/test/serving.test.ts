import { beforeAll, describe, expect, it } from 'vitest';
import { LocalStorage, contentDisposition, mediaHeaders, processImage, storeAttachment } from '../src/index.ts';
import { media } from '../../site-kit/src/core/server/media.ts';
import { tempDir } from './helpers.ts';
import sharp from 'sharp';

describe('contentDisposition', () => {
	it('gives an ASCII fallback and the UTF-8 name, percent-encoded', () => {
		expect(contentDisposition('inline', 'Årsrapport 2025 (slutlig).pdf')).toBe(
			`inline; filename="Arsrapport 2025 (slutlig).pdf"; filename*=UTF-8''%C3%85rsrapport%202025%20%28slutlig%29.pdf`
		);
		expect(contentDisposition('attachment', 'a"b\\c.pdf')).toBe(
			`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`
		);
	});
});

describe('mediaHeaders', () => {
	it('caches for a year, forbids sniffing, and names PDFs', () => {
		const image = mediaHeaders({ contentType: 'image/webp', size: 123 }, 'images/abc-480.webp');
		expect(Object.fromEntries(image)).toEqual({
			'content-type': 'image/webp',
			'content-length': '123',
			'cache-control': 'public, max-age=31536000, immutable',
			'x-content-type-options': 'nosniff'
		});
		const pdf = mediaHeaders({ contentType: 'application/pdf', size: 5, filename: 'Möte.pdf' }, 'files/x/mote.pdf');
		expect(pdf.get('content-disposition')).toBe(`inline; filename="Mote.pdf"; filename*=UTF-8''M%C3%B6te.pdf`);
		const unnamed = mediaHeaders({ contentType: 'application/pdf', size: 5 }, 'files/x/mote.pdf');
		expect(unnamed.get('content-disposition')).toBe(`inline; filename="mote.pdf"; filename*=UTF-8''mote.pdf`);
		const other = mediaHeaders({ contentType: 'text/html', size: 5 }, 'x/page.html');
		expect(other.get('content-disposition')).toMatch(/^attachment; /);
	});
});

describe('the /media/[...key] route', () => {
	let storage: LocalStorage;

	beforeAll(async () => {
		// The route reads MEDIA_DIR on its first request; this file runs in its own module context.
		process.env.MEDIA_DIR = await mkdtempKeep();
		storage = new LocalStorage(process.env.MEDIA_DIR);
	});

	const get = (key: string | undefined) =>
		media({ params: { key } } as unknown as Parameters<typeof media>[0]) as Promise<Response>;

	it('streams an image with its type and caching headers', async () => {
		const image = await processImage(
			storage,
			await sharp({ create: { width: 500, height: 100, channels: 3, background: '#000' } })
				.png()
				.toBuffer(),
			'a.png'
		);
		const res = await get(`${image.key}-480.webp`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/webp');
		expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('content-disposition')).toBeNull();
		const body = new Uint8Array(await res.arrayBuffer());
		expect(res.headers.get('content-length')).toBe(String(body.length));
		expect(await sharp(body).metadata()).toMatchObject({ format: 'webp', width: 480, height: 96 });
	});

	it('serves a PDF inline under its name', async () => {
		const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
		const stored = await storeAttachment(storage, pdf, 'Kallelse till årsmöte.pdf');
		const res = await get(stored.key);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-disposition')).toBe(
			`inline; filename="Kallelse till arsmote.pdf"; filename*=UTF-8''Kallelse%20till%20%C3%A5rsm%C3%B6te.pdf`
		);
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf);
	});

	it('answers 404 for an unknown key and 400 for an invalid one', async () => {
		const missing = await get('images/0123456789abcdef0123456789abcdef-480.webp');
		expect(missing.status).toBe(404);
		expect(missing.headers.get('cache-control')).toBe('no-store');
		for (const key of ['../package.json', 'images/../../secret', '.meta/x.json', '%2e%2e/x', 'A', '', undefined]) {
			expect([key, (await get(key)).status]).toEqual([key, 400]);
		}
	});
});

async function mkdtempKeep(): Promise<string> {
	// Kept for the whole file (helpers' tempDir is emptied after each test).
	const { mkdtemp } = await import('node:fs/promises');
	const { tmpdir } = await import('node:os');
	const path = await import('node:path');
	return mkdtemp(path.join(tmpdir(), 'rp-media-route-'));
}
