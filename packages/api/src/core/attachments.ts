import { TRPCError } from '@trpc/server';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '@regionportalen/db';
import { idSchema } from './schemas.ts';

// What every domain with PDF attachments (news, minutes, …) takes from the host once it has stored
// the file (@regionportalen/media): the item, the file's key in its folder, its name and size.

type Q = Kysely<Database> | Transaction<Database>;

const MAX_BYTES = 20 * 1024 * 1024;

/** The input of an addAttachment procedure; `folder` is where the host stores this domain's files. */
export function attachmentInput(folder: 'files' | 'private') {
	return z.object({
		id: idSchema,
		key: z.string().regex(new RegExp(`^${folder}/[a-f0-9]{32}/[a-z0-9._-]+$`), 'Ogiltig bilaga.'),
		filename: z.string().trim().min(1).max(200),
		size: z.number().int().positive().max(MAX_BYTES, 'Bilagan får vara högst 20 MB.')
	});
}

export const removeAttachmentInput = z.object({ id: idSchema, attachmentId: idSchema });

export const attachmentNotFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Bilagan finns inte.' });

/**
 * Refuses a file key another item already uses: the host gives every upload a key of its own, and
 * removing a borrowed one would delete the other item's file (see migration 0020).
 */
export async function assertFreshFileKey(db: Q, key: string): Promise<void> {
	const { rows } = await sql<{ used: boolean }>`select app_file_key_in_use(${key}) as used`.execute(db);
	if (rows[0]?.used)
		throw new TRPCError({ code: 'BAD_REQUEST', message: 'Filen hör till något annat. Ladda upp den på nytt.' });
}

/** The row an attachment is stored as, from the input. */
export function attachmentRow(input: z.infer<ReturnType<typeof attachmentInput>>) {
	return { storage_key: input.key, filename: input.filename, content_type: 'application/pdf', size_bytes: input.size };
}

/** Tables of attachments that belong to one item each (minutes keep theirs per revision). */
type AttachmentTable = 'news_attachment' | 'content_page_attachment';

/** An attachment as its item's editor lists it. */
export interface AttachmentSummary {
	id: number;
	storage_key: string;
	filename: string;
	size_bytes: number;
}

/**
 * The attachments of a domain's items in `table`, whose column `key` names the item: listing,
 * adding and removing, the same for every such domain (its procedures check and audit).
 */
export function itemAttachments<T extends AttachmentTable>(
	table: T,
	key: Exclude<keyof Database[T] & string, keyof ReturnType<typeof attachmentRow> | 'id' | 'created_at'>
) {
	// Kysely cannot follow a table chosen by a type parameter; the signatures keep the types.
	const any = (db: Q) => db as unknown as Kysely<any>;
	const t: string = table;
	const k: string = key;
	return {
		list(db: Q, itemId: number): Promise<AttachmentSummary[]> {
			return any(db)
				.selectFrom(t)
				.select(['id', 'storage_key', 'filename', 'size_bytes'])
				.where(k, '=', itemId)
				.orderBy('id')
				.execute();
		},

		async add(db: Q, input: z.infer<ReturnType<typeof attachmentInput>>): Promise<Selectable<Database[T]>> {
			await assertFreshFileKey(db, input.key);
			return any(db)
				.insertInto(t)
				.values({ [k]: input.id, ...attachmentRow(input) })
				.returningAll()
				.executeTakeFirstOrThrow() as Promise<Selectable<Database[T]>>;
		},

		/** Removes one of the item's attachments (404 when it is not one), returning its file for the host. */
		async remove(db: Q, itemId: number, attachmentId: number): Promise<{ storage_key: string; filename: string }> {
			const removed = await any(db)
				.deleteFrom(t)
				.where('id', '=', attachmentId)
				.where(k, '=', itemId)
				.returning(['storage_key', 'filename'])
				.executeTakeFirst();
			if (!removed) throw attachmentNotFound();
			return removed;
		}
	};
}
