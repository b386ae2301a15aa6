import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '@regionportalen/db';
import { assertFreshFileKey } from './attachments.ts';
import { idSchema } from './schemas.ts';

// What every domain with one image per item (news, content pages) shares: the host stores and
// resizes the upload (@regionportalen/media), then sets its key and size with the alt text an image
// always needs. Setting and clearing are saves like any other in the domain (versioned).

/** The version an editor read, for optimistic concurrency. */
export const versionSchema = z.number().int().positive();

/** The input of a setImage procedure. */
export const setImageInput = z.object({
	id: idSchema,
	version: versionSchema,
	key: z.string().regex(/^images\/[a-f0-9]{32}$/, 'Ogiltig bild.'),
	width: z.number().int().positive().max(1600),
	height: z.number().int().positive().max(20_000),
	alt: z.string().trim().min(1, 'Bilden behöver en alternativtext som beskriver den.').max(300),
	caption: z.string().trim().max(300).default('')
});

/** The input of a removeImage procedure. */
export const removeImageInput = z.object({ id: idSchema, version: versionSchema });

/** The image columns to save from a setImage input, once its key is known to be the upload's own. */
export async function imageColumns(db: Kysely<Database> | Transaction<Database>, input: z.infer<typeof setImageInput>) {
	await assertFreshFileKey(db, input.key);
	return {
		image_key: input.key,
		image_width: input.width,
		image_height: input.height,
		image_alt: input.alt,
		image_caption: input.caption
	};
}

/** The image columns of an item without an image. */
export const NO_IMAGE = { image_key: null, image_width: null, image_height: null, image_alt: '', image_caption: '' };
