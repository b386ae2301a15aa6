// File types by their first bytes ("magic numbers"), never by name or the browser's claim.

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif';

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
	bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The image format of `bytes` if it is JPEG, PNG, WebP or GIF; null for anything else (SVG too). */
export function sniffImage(bytes: Uint8Array): ImageFormat | null {
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
	if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
	return null;
}

/** Whether `bytes` begins as a PDF does: `%PDF-`. */
export function isPdf(bytes: Uint8Array): boolean {
	return startsWith(bytes, ascii('%PDF-'));
}
