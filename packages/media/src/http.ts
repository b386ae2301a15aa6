// Response headers for serving a stored object (used by site-kit's /media/[...key] route).

/** `inline` or `attachment` with the file name for every browser: an ASCII fallback and RFC 6266's UTF-8 form. */
export function contentDisposition(type: 'inline' | 'attachment', filename: string): string {
	const fallback = filename
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]|["\\%]/g, '_');
	const encoded = encodeURIComponent(filename).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Types that the portal stores and a browser may show in place; anything else is only downloaded. */
const INLINE_TYPES = new Set(['image/webp', 'image/jpeg', 'image/png', 'image/gif', 'application/pdf']);

export interface ServedObject {
	contentType: string;
	size: number;
	filename?: string;
}

/**
 * Headers for a stored object: its type, its size, cached for a year by everyone (a key is never
 * reused for other content), no type sniffing, and for a PDF (or anything not an image) its name.
 */
export function mediaHeaders(object: ServedObject, key: string): Headers {
	const headers = new Headers({
		'content-type': object.contentType,
		'cache-control': 'public, max-age=31536000, immutable',
		'x-content-type-options': 'nosniff'
	});
	if (Number.isFinite(object.size) && object.size > 0) headers.set('content-length', String(object.size));
	const inline = INLINE_TYPES.has(object.contentType);
	if (!inline || object.contentType === 'application/pdf') {
		const name = object.filename ?? key.slice(key.lastIndexOf('/') + 1);
		headers.set('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', name));
	}
	return headers;
}
