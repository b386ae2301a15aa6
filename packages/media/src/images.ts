import sharp from 'sharp';
import { sniffImage, type ImageFormat } from './detect.ts';
import { MediaError } from './errors.ts';
import { assertValidKey, randomId } from './keys.ts';
import type { MediaStorage } from './storage.ts';
import { mediaUrl } from './urls.ts';

// News images. An upload is checked by its bytes, decoded once, turned upright by its EXIF
// orientation and re-encoded, with no metadata (location, camera, thumbnails) kept, as WebP in
// the widths a page asks for: 480, 960 and 1600 px, never wider than the original. The stored
// files are `<key>-<width>.webp`; the page needs only the key and the master's size to list them.

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Decoding more pixels than this is refused: a small file can claim a huge canvas. */
export const MAX_IMAGE_PIXELS = 70_000_000;
/** The widths stored for an image wider than all of them; the largest is the master's cap. */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;
const MAX_WIDTH = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!;
const WEBP_QUALITY = 80;
/** The image's width on an article page: the text column (--rp-text-width), or the viewport. */
export const DEFAULT_SIZES = '(min-width: 44rem) 42rem, 100vw';

export interface StoredImage {
	/** The key prefix: save it as news.image_key. */
	key: string;
	/** The master's size (upright, at most 1600 px wide): save as news.image_width/image_height. */
	width: number;
	height: number;
}

export interface ImageSources {
	src: string;
	srcset: string;
	sizes: string;
	width: number;
	height: number;
}

/** The widths stored for an image whose master is `width` px wide, smallest first. */
export function imageWidths(width: number): number[] {
	const master = Math.min(Math.round(width), MAX_WIDTH);
	if (!(master >= 1)) throw new RangeError(`Invalid image width: ${width}`);
	return [...IMAGE_WIDTHS.filter((w) => w < master), master];
}

/** The key of one stored width of an image. */
export function imageVariantKey(key: string, width: number): string {
	return `${key}-${width}.webp`;
}

/**
 * Checks, re-encodes and stores an uploaded image. Throws MediaError (its message in Swedish, for
 * the editor) if it is empty, over 10 MB, not a JPEG, PNG, WebP or GIF (an SVG is refused), cannot
 * be decoded, or has too many pixels. An animated GIF or WebP keeps its first frame.
 */
export async function processImage(storage: MediaStorage, bytes: Uint8Array, filename: string): Promise<StoredImage> {
	if (bytes.length === 0) throw new MediaError('empty', 'Filen är tom.', filename);
	if (bytes.length > MAX_IMAGE_BYTES) throw new MediaError('too_large', 'Bilden får vara högst 10 MB.', filename);
	const format = sniffImage(bytes);
	if (!format) throw wrongType(filename);

	const master = await decodeMaster(bytes, format, filename);
	const { width, height, channels } = master.info;
	const key = `images/${randomId()}`;
	const written: string[] = [];
	try {
		for (const w of imageWidths(width)) {
			const input = sharp(master.data, { raw: { width, height, channels } });
			const resized = w === width ? input : input.resize({ width: w });
			const webp = await resized.webp({ quality: WEBP_QUALITY }).toBuffer();
			const variant = imageVariantKey(key, w);
			written.push(variant);
			await storage.put(variant, webp, 'image/webp');
		}
	} catch (e) {
		await Promise.allSettled(written.map((k) => storage.delete(k)));
		throw e;
	}
	return { key, width, height };
}

/** Decodes the upload once: upright, in sRGB, at most MAX_WIDTH wide, as raw 8-bit pixels. */
async function decodeMaster(bytes: Uint8Array, format: ImageFormat, filename: string) {
	const options = { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS, pages: 1 } as const;
	let meta;
	try {
		// The header only, without the pixel limit, so that too many pixels gets its own message.
		meta = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
	} catch {
		throw unreadable(filename);
	}
	// libvips judges the type from the bytes as well; both must agree.
	if (meta.format !== format) throw wrongType(filename);
	if (!meta.width || !meta.height) throw unreadable(filename);
	if (meta.width * meta.height > MAX_IMAGE_PIXELS) {
		throw new MediaError(
			'too_many_pixels',
			`Bilden har för många bildpunkter (högst ${MAX_IMAGE_PIXELS / 1_000_000} megapixlar).`,
			filename
		);
	}
	try {
		return await sharp(bytes, { ...options, autoOrient: true })
			.resize({ width: MAX_WIDTH, withoutEnlargement: true })
			.toColourspace('srgb')
			.raw({ depth: 'uchar' })
			.toBuffer({ resolveWithObject: true });
	} catch {
		throw unreadable(filename);
	}
}

const wrongType = (filename: string) =>
	new MediaError('wrong_type', 'Filen är inte en bild i formatet JPEG, PNG, WebP eller GIF.', filename);

const unreadable = (filename: string) =>
	new MediaError('unreadable', 'Bilden kunde inte läsas. Filen kan vara skadad.', filename);

/** Removes every stored width of an image. */
export async function deleteImage(storage: MediaStorage, key: string, width: number): Promise<void> {
	assertValidKey(key);
	await Promise.all(imageWidths(width).map((w) => storage.delete(imageVariantKey(key, w))));
}

/**
 * What an <img> needs for a stored image: `src` (960 px, or the master if narrower), `srcset` with
 * every stored width, `sizes`, and the master's width and height, so the browser reserves the space
 * before the image loads and nothing shifts.
 */
export function imageSources(key: string, width: number, height: number, sizes: string = DEFAULT_SIZES): ImageSources {
	const widths = imageWidths(width);
	const master = widths[widths.length - 1]!;
	const url = (w: number) => mediaUrl(imageVariantKey(key, w));
	const src = widths.filter((w) => w <= 960).pop() ?? master;
	return {
		src: url(src),
		srcset: widths.map((w) => `${url(w)} ${w}w`).join(', '),
		sizes,
		width: master,
		height: master === width ? height : Math.max(1, Math.round((height * master) / width))
	};
}
