import { isPdf } from './detect.ts';
import { MediaError } from './errors.ts';
import { PRIVATE_FOLDER, randomId } from './keys.ts';
import type { MediaStorage } from './storage.ts';

// Attachments to news: PDF only, judged by the bytes. The file is stored as it came, under
// `files/<random id>/<ascii name>.pdf`; its cleaned-up name, Unicode and all, is kept beside it
// (and in news_attachment.filename) and offered when it is opened or downloaded.

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const MAX_NAME_LENGTH = 100;

export interface StoredAttachment {
	/** news_attachment.storage_key */
	key: string;
	/** The cleaned-up name, ending in .pdf: news_attachment.filename */
	filename: string;
	contentType: 'application/pdf';
	/** news_attachment.size_bytes */
	size: number;
}

/**
 * Checks and stores a PDF. Throws MediaError (its message in Swedish) if it is empty, over 20 MB or not a PDF.
 * `folder: 'private'` stores it where the public /media route never serves it (presidium minutes'
 * attachments: their own route checks who is asking).
 */
export async function storeAttachment(
	storage: MediaStorage,
	bytes: Uint8Array,
	filename: string,
	{ folder = 'files' }: { folder?: 'files' | typeof PRIVATE_FOLDER } = {}
): Promise<StoredAttachment> {
	if (bytes.length === 0) throw new MediaError('empty', 'Filen är tom.', filename);
	if (bytes.length > MAX_ATTACHMENT_BYTES) {
		throw new MediaError('too_large', 'Bilagan får vara högst 20 MB.', filename);
	}
	if (!isPdf(bytes))
		throw new MediaError('wrong_type', 'Filen är inte en PDF. Bilagor kan bara vara PDF-filer.', filename);
	const name = sanitizeFilename(filename);
	const key = `${folder}/${randomId()}/${asciiSlug(name.slice(0, -'.pdf'.length))}.pdf`;
	await storage.put(key, bytes, 'application/pdf', { filename: name });
	return { key, filename: name, contentType: 'application/pdf', size: bytes.length };
}

/**
 * A file name fit to show and to offer for download: no folders, control or invisible characters,
 * characters Windows forbids, or leading and trailing dots and spaces; at most 100 characters before
 * the extension; always ending in `.pdf`; "bilaga.pdf" if nothing is left.
 */
export function sanitizeFilename(filename: string): string {
	let name = (filename.split(/[\\/]/).pop() ?? '')
		.normalize('NFC')
		.replace(/\s+/g, ' ')
		// control characters, zero-width and direction-changing marks, and what Windows forbids
		.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff<>:"|?*]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	if (/\.pdf$/i.test(name)) name = name.slice(0, -4);
	name = trimName(name);
	const stem = trimName([...name].slice(0, MAX_NAME_LENGTH).join(''));
	return `${stem || 'bilaga'}.pdf`;
}

const trimName = (name: string) => name.replace(/^[\s.]+|[\s.]+$/g, '');

/** Lower-case ASCII letters and digits joined by single hyphens: å → a, ö → o. */
function asciiSlug(name: string): string {
	const slug = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.slice(0, 60)
		.replace(/^-+|-+$/g, '');
	return slug || 'bilaga';
}
