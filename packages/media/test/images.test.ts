import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
	LocalStorage,
	MAX_IMAGE_BYTES,
	MediaError,
	deleteImage,
	imageSources,
	imageWidths,
	processImage,
	readAll,
	type MediaStorage
} from '../src/index.ts';
import { filesUnder, tempDir } from './helpers.ts';

// Real sharp on small images made here with sharp itself.

const solid = (width: number, height: number, background: string, channels: 3 | 4 = 3) =>
	sharp({ create: { width, height, channels, background } });

async function stored(storage: MediaStorage, key: string) {
	const object = await storage.get(key);
	expect(object, key).not.toBeNull();
	expect(object!.contentType).toBe('image/webp');
	const bytes = await readAll(object!);
	return { bytes, meta: await sharp(bytes).metadata() };
}

async function rejection(promise: Promise<unknown>): Promise<MediaError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(MediaError);
	return error as MediaError;
}

describe('processImage', () => {
	it('turns a JPEG upright by its EXIF orientation and drops its metadata', async () => {
		// Stored 1200×600, left half red, right half blue; orientation 6 says "turn 90° clockwise to show".
		const stripes = await solid(1200, 600, '#0000ff')
			.composite([{ input: await solid(600, 600, '#ff0000').png().toBuffer(), left: 0, top: 0 }])
			.jpeg({ quality: 90 })
			.withExif({ IFD0: { Copyright: 'hemlig-fotograf', ImageDescription: 'hemlig-plats' } })
			.withMetadata({ orientation: 6 })
			.toBuffer();
		expect(await sharp(stripes).metadata()).toMatchObject({ width: 1200, height: 600, orientation: 6 });

		const root = await tempDir();
		const storage = new LocalStorage(root);
		const image = await processImage(storage, stripes, 'IMG_0001.JPG');
		expect(image).toEqual({ key: expect.stringMatching(/^images\/[0-9a-f]{32}$/), width: 600, height: 1200 });

		const master = await stored(storage, `${image.key}-600.webp`);
		expect(master.meta).toMatchObject({ format: 'webp', width: 600, height: 1200 });
		expect(master.meta.orientation).toBeUndefined();
		expect(master.meta.exif).toBeUndefined();
		expect(master.meta.icc).toBeUndefined();
		expect(Buffer.from(master.bytes).includes('hemlig')).toBe(false);
		// Turned clockwise, the red left half is now on top.
		const { data, info } = await sharp(master.bytes).raw().toBuffer({ resolveWithObject: true });
		const pixel = (x: number, y: number) => [
			...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)
		];
		const [topR, , topB] = pixel(300, 100);
		const [bottomR, , bottomB] = pixel(300, 1100);
		expect(topR).toBeGreaterThan(200);
		expect(topB).toBeLessThan(60);
		expect(bottomR).toBeLessThan(60);
		expect(bottomB).toBeGreaterThan(200);

		expect((await stored(storage, `${image.key}-480.webp`)).meta).toMatchObject({ width: 480, height: 960 });
		// 600 px wide: no 960 or 1600 (never upscaled).
		expect(await filesUnder(root)).toEqual(
			[`${image.key}-480.webp`, `${image.key}-600.webp`].flatMap((k) => [`.meta/${k}.json`, k]).sort()
		);
	});

	it('stores a large PNG as WebP at 480, 960 and 1600 px, keeping its aspect ratio and alpha', async () => {
		const png = await solid(3000, 1500, '#33669980', 4).png().toBuffer();
		const storage = new LocalStorage(await tempDir());
		const image = await processImage(storage, png, 'karta.png');
		expect(image).toMatchObject({ width: 1600, height: 800 });
		for (const [w, h] of [
			[480, 240],
			[960, 480],
			[1600, 800]
		] as const) {
			const { meta } = await stored(storage, `${image.key}-${w}.webp`);
			expect(meta).toMatchObject({ format: 'webp', width: w, height: h, hasAlpha: true });
		}
		expect(await storage.get(`${image.key}-3000.webp`)).toBeNull();
	});

	it('never enlarges a small image', async () => {
		const root = await tempDir();
		const storage = new LocalStorage(root);
		const image = await processImage(storage, await solid(40, 30, '#ffcc00').png().toBuffer(), 'ikon.png');
		expect(image).toMatchObject({ width: 40, height: 30 });
		expect((await stored(storage, `${image.key}-40.webp`)).meta).toMatchObject({ width: 40, height: 30 });
		expect(await filesUnder(root)).toEqual([`.meta/${image.key}-40.webp.json`, `${image.key}-40.webp`]);
	});

	it('accepts GIF and WebP', async () => {
		const storage = new LocalStorage(await tempDir());
		for (const [name, bytes] of [
			['a.gif', await solid(500, 250, '#00aa00').gif().toBuffer()],
			['a.webp', await solid(500, 250, '#00aa00').webp().toBuffer()]
		] as const) {
			const image = await processImage(storage, bytes, name);
			expect([name, image.width, image.height]).toEqual([name, 500, 250]);
			expect((await stored(storage, `${image.key}-480.webp`)).meta).toMatchObject({ width: 480, height: 240 });
		}
	});

	it('refuses an SVG, a renamed text file and other formats, storing nothing', async () => {
		const root = await tempDir();
		const storage = new LocalStorage(root);
		const svg =
			'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>';
		const tiff = await solid(20, 20, '#000000').tiff().toBuffer();
		const avif = await solid(20, 20, '#000000').avif().toBuffer();
		for (const [name, bytes] of [
			['logo.svg', new TextEncoder().encode(svg)],
			['logo.png', new TextEncoder().encode(svg)],
			['semester.jpg', new TextEncoder().encode('Det här är bara text.\n')],
			['bild.tif', tiff],
			['bild.avif', avif],
			['dokument.pdf', new TextEncoder().encode('%PDF-1.4\n')]
		] as const) {
			const error = await rejection(processImage(storage, bytes, name));
			expect([name, error.code, error.message]).toEqual([
				name,
				'wrong_type',
				'Filen är inte en bild i formatet JPEG, PNG, WebP eller GIF.'
			]);
			expect(error.filename).toBe(name);
		}
		expect(await filesUnder(root)).toEqual([]);
	});

	it('refuses a file over 10 MB before decoding it', async () => {
		const storage = new LocalStorage(await tempDir());
		const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
		big.set([0xff, 0xd8, 0xff, 0xe0]);
		const error = await rejection(processImage(storage, big, 'stor.jpg'));
		expect([error.code, error.message]).toEqual(['too_large', 'Bilden får vara högst 10 MB.']);

		// Exactly 10 MB passes the size check (and then fails as a broken JPEG).
		const limit = big.subarray(0, MAX_IMAGE_BYTES);
		expect((await rejection(processImage(storage, limit, 'stor.jpg'))).code).toBe('unreadable');
	});

	it('refuses an empty file, a broken image and a type mismatch', async () => {
		const storage = new LocalStorage(await tempDir());
		expect((await rejection(processImage(storage, new Uint8Array(), 'tom.jpg'))).message).toBe('Filen är tom.');

		const jpeg = await solid(100, 100, '#123456').jpeg().toBuffer();
		const broken = await rejection(processImage(storage, jpeg.subarray(0, 40), 'trasig.jpg'));
		expect([broken.code, broken.message]).toEqual(['unreadable', 'Bilden kunde inte läsas. Filen kan vara skadad.']);

		// Starts like a GIF, is a PNG after: both checks must agree.
		const png = await solid(10, 10, '#123456').png().toBuffer();
		const mixed = Buffer.concat([Buffer.from('GIF89a'), png]);
		expect(['wrong_type', 'unreadable']).toContain((await rejection(processImage(storage, mixed, 'blandad.gif'))).code);
	});

	it('refuses an image with more pixels than it will decode, before decoding it', async () => {
		const storage = new LocalStorage(await tempDir());
		// A small PNG whose header claims 9000×9000 (81 megapixels), its checksum made to match.
		const png = Buffer.from(await solid(10, 10, '#ffffff').png().toBuffer());
		png.writeUInt32BE(9000, 16);
		png.writeUInt32BE(9000, 20);
		png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
		expect(await sharp(png).metadata()).toMatchObject({ width: 9000, height: 9000 });
		const error = await rejection(processImage(storage, png, 'enorm.png'));
		expect([error.code, error.message]).toEqual([
			'too_many_pixels',
			'Bilden har för många bildpunkter (högst 70 megapixlar).'
		]);
	});
});

describe('imageSources', () => {
	const key = 'images/0123456789abcdef0123456789abcdef';

	it('lists every stored width, with the master size for width and height', () => {
		expect(imageSources(key, 1600, 900)).toEqual({
			src: `/media/${key}-960.webp`,
			srcset: `/media/${key}-480.webp 480w, /media/${key}-960.webp 960w, /media/${key}-1600.webp 1600w`,
			sizes: '(min-width: 44rem) 42rem, 100vw',
			width: 1600,
			height: 900
		});
		expect(imageSources(key, 700, 1400, '100vw')).toEqual({
			src: `/media/${key}-700.webp`,
			srcset: `/media/${key}-480.webp 480w, /media/${key}-700.webp 700w`,
			sizes: '100vw',
			width: 700,
			height: 1400
		});
		expect(imageSources(key, 40, 30)).toMatchObject({
			src: `/media/${key}-40.webp`,
			srcset: `/media/${key}-40.webp 40w`
		});
		expect(imageWidths(2400)).toEqual([480, 960, 1600]);
	});

	it('refuses a key that is not ours', () => {
		expect(() => imageSources('../../etc/passwd', 100, 100)).toThrow(/Invalid media key/);
	});

	it('names exactly the files processImage stored, which deleteImage removes', async () => {
		const root = await tempDir();
		const storage = new LocalStorage(root);
		const image = await processImage(storage, await solid(1000, 500, '#abcdef').jpeg().toBuffer(), 'x.jpg');
		const { srcset, src, width, height } = imageSources(image.key, image.width, image.height);
		expect([width, height]).toEqual([1000, 500]);
		const urls = srcset.split(', ').map((entry) => entry.split(' ')[0]!);
		expect(urls).toContain(src);
		const keys = urls.map((url) => url.replace(/^\/media\//, ''));
		expect(keys.flatMap((k) => [`.meta/${k}.json`, k]).sort()).toEqual(await filesUnder(root));
		for (const [i, k] of keys.entries()) {
			expect((await stored(storage, k)).meta.width).toBe([480, 960, 1000][i]);
		}
		await deleteImage(storage, image.key, image.width);
		expect(await filesUnder(root)).toEqual([]);
	});
});
