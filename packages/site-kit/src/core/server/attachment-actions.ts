import { MAX_ATTACHMENT_BYTES, MediaError, storeAttachment, type StoredAttachment } from '@regionportalen/media';
import { fail, type RequestEvent } from '@sveltejs/kit';
import { apiFormResult } from './forms.ts';
import { mediaStorage } from './media.ts';

// The PDF attachment actions every editor with attachments shares (news, minutes, …): the file is
// stored first, then the API records it; if the API refuses, the stored file is removed again, and a
// removed attachment's file goes once the API has let go of it.

export interface AttachmentApi {
	/** Where the files go: public ones under files/, confidential ones under private/. */
	folder?: 'private';
	/** The item the attachment belongs to, from the path (a 404 when it cannot be one). */
	id(params: RequestEvent['params']): number;
	add(event: RequestEvent, id: number, stored: StoredAttachment): Promise<unknown>;
	/** The removed attachment's file, and whether another revision still uses it. */
	remove(event: RequestEvent, id: number, attachmentId: number): Promise<{ storage_key: string; fileInUse?: boolean }>;
}

export function attachmentActions(attachments: AttachmentApi) {
	return {
		uploadAttachment: async (event: RequestEvent) => {
			const file = (await event.request.formData()).get('attachment');
			if (!(file instanceof File) || file.size === 0) return fail(400, { message: 'Välj en PDF-fil att bifoga.' });
			if (file.size > MAX_ATTACHMENT_BYTES) return fail(413, { message: 'Bilagan får vara högst 20 MB.' });
			let stored: StoredAttachment;
			try {
				const options = attachments.folder ? { folder: attachments.folder } : undefined;
				stored = await storeAttachment(mediaStorage(), new Uint8Array(await file.arrayBuffer()), file.name, options);
			} catch (e) {
				if (e instanceof MediaError) return fail(400, { message: e.message });
				throw e;
			}
			const result = await apiFormResult(attachments.add(event, attachments.id(event.params), stored), event);
			if (!result.ok) {
				await mediaStorage().delete(stored.key);
				return result.failure;
			}
			return { saved: true, message: `${stored.filename} är bifogad.` };
		},
		removeAttachment: async (event: RequestEvent) => {
			const attachmentId = Number((await event.request.formData()).get('attachmentId'));
			const result = await apiFormResult(attachments.remove(event, attachments.id(event.params), attachmentId), event);
			if (!result.ok) return result.failure;
			if (!result.value.fileInUse) await mediaStorage().delete(result.value.storage_key);
			return { saved: true, message: 'Bilagan är borttagen.' };
		}
	};
}
