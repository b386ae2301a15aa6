import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { idSchema } from './schemas.ts';

// What every domain with PDF attachments (news, minutes, …) takes from the host once it has stored
// the file (@regionportalen/media): the item, the file's key in its folder, its name and size.

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

/** The row an attachment is stored as, from the input. */
export function attachmentRow(input: z.infer<ReturnType<typeof attachmentInput>>) {
	return { storage_key: input.key, filename: input.filename, content_type: 'application/pdf', size_bytes: input.size };
}
