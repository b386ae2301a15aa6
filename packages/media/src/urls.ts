import { assertValidKey } from './keys.ts';

/** Where every site serves stored files: `/media/<key>`. */
export const MEDIA_PATH = '/media/';

/** The URL path of a stored object on any site. */
export function mediaUrl(key: string): string {
	assertValidKey(key);
	return MEDIA_PATH + key;
}
