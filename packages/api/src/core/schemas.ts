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
