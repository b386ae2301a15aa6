import type { RequestHandler } from '@sveltejs/kit';
import { isPublicKey, isValidKey, mediaHeaders, storageFromEnv, type MediaStorage } from '@regionportalen/media';

// /media/[...key]: uploaded images and attachments, streamed from the media storage (a folder, or
// an S3-compatible bucket in production; see @regionportalen/media). Keys are random and never
// reused, so a response may be cached by anyone for a year.

let storage: MediaStorage | undefined;

/** The process's one media storage, from the environment on first use (MEDIA_DIR, MEDIA_S3_*). */
export function mediaStorage(): MediaStorage {
	storage ??= storageFromEnv();
	return storage;
}

const plain = (status: number, message: string) =>
	new Response(message, {
		status,
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});

export const media: RequestHandler = async ({ params }) => {
	const key = params.key ?? '';
	if (!isValidKey(key)) return plain(400, 'Ogiltig adress.');
	// Private files (presidium minutes' attachments) have their own route, which checks who is asking.
	if (!isPublicKey(key)) return plain(404, 'Filen finns inte.');
	const object = await mediaStorage().get(key);
	if (!object) return plain(404, 'Filen finns inte.');
	return new Response(object.stream, { headers: mediaHeaders(object, key) });
};
