import { randomBytes } from 'node:crypto';
import { InvalidKeyError } from './errors.ts';

// Storage keys. The portal makes every key itself (a random id, never a name a person chose), so a
// key that does not look like one of ours is refused before any file or bucket is touched: lower-case
// ASCII letters and digits in at most eight '/'-separated segments, each joined inside by single
// '.', '-' or '_'. That leaves no '..', no leading '/', no '\', no '%' and nothing a file system or
// a URL treats specially, so a key is also its own URL path under /media/.

const SEGMENT = '[a-z0-9]+(?:[._-][a-z0-9]+)*';
const KEY = new RegExp(`^${SEGMENT}(?:/${SEGMENT}){0,7}$`);
export const MAX_KEY_LENGTH = 255;

export function isValidKey(key: unknown): key is string {
	return typeof key === 'string' && key.length <= MAX_KEY_LENGTH && KEY.test(key);
}

/** Throws InvalidKeyError unless `key` is a well-formed storage key. */
export function assertValidKey(key: string): void {
	if (!isValidKey(key)) throw new InvalidKeyError(String(key));
}

/** A new random id of 128 bits: 32 lower-case hex digits. */
export function randomId(): string {
	return randomBytes(16).toString('hex');
}

/** Keys under this folder are never served by the public /media route (see isPublicKey). */
export const PRIVATE_FOLDER = 'private';

/** A key the public /media route may serve: well-formed, and not in the private folder. */
export function isPublicKey(key: unknown): key is string {
	return isValidKey(key) && !key.startsWith(`${PRIVATE_FOLDER}/`);
}
