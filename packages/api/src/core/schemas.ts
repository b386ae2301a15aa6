import { z } from 'zod';

export const slugSchema = z
	.string()
	.min(1)
	.max(100)
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Ogiltig adress.');

export const pageSchema = z.coerce.number().int().min(1).max(10_000).default(1);
export const idSchema = z.number().int().positive();

/** Whose news: a förbund's own, or the region's. */
export const ownerSchema = z.union([z.object({ forbund: slugSchema }), z.object({ region: slugSchema })]);

/** A contact's e-mail address, or none. */
export const optionalEmailSchema = z
	.union([z.literal(''), z.email('Kontaktpersonens e-postadress ser inte ut som en e-postadress.')])
	.default('');

/** A phone number as people write it, or none. */
export const phoneSchema = z
	.string()
	.trim()
	.max(40)
	.regex(/^[0-9 +()-]*$/, 'Telefonnumret får bara innehålla siffror, mellanslag och + ( ) -.')
	.default('');
