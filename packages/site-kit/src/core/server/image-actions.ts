import { deleteImage, imageSources, MAX_IMAGE_BYTES, MediaError, processImage } from '@regionportalen/media';
import { fail, type RequestEvent } from '@sveltejs/kit';
import { apiFormResult } from './forms.ts';
import { mediaStorage } from './media.ts';

// The image actions every editor with one image per item shares (news, content pages): the upload
// is checked, re-encoded and resized by @regionportalen/media, then the API sets it on the item with
// its alt text; if the API refuses, the stored image is removed again. Removing is the API's alone
// (an earlier revision may still show the file).

export interface ImageApi {
	/** The item the image belongs to, from the path. */
	id(params: RequestEvent['params']): number;
	set(
		event: RequestEvent,
		input: { id: number; version: number; key: string; width: number; height: number; alt: string; caption: string }
	): Promise<unknown>;
	remove(event: RequestEvent, input: { id: number; version: number }): Promise<unknown>;
}

export function imageActions(images: ImageApi) {
	return {
		uploadImage: async (event: RequestEvent) => {
			const form = await event.request.formData();
			const file = form.get('image');
			const alt = String(form.get('imageAlt') ?? '').trim();
			if (!(file instanceof File) || file.size === 0) return fail(400, { message: 'Välj en bild att ladda upp.' });
			if (!alt) return fail(400, { message: 'Bilden behöver en alternativtext som beskriver den.' });
			if (file.size > MAX_IMAGE_BYTES) return fail(413, { message: 'Bilden får vara högst 10 MB.' });
			let stored;
			try {
				stored = await processImage(mediaStorage(), new Uint8Array(await file.arrayBuffer()), file.name);
			} catch (e) {
				if (e instanceof MediaError) return fail(400, { message: e.message });
				throw e;
			}
			const input = {
				id: images.id(event.params),
				version: Number(form.get('version')),
				key: stored.key,
				width: stored.width,
				height: stored.height,
				alt,
				caption: String(form.get('imageCaption') ?? '')
			};
			const result = await apiFormResult(images.set(event, input), event);
			if (!result.ok) {
				await deleteImage(mediaStorage(), stored.key, stored.width);
				return result.failure;
			}
			return { saved: true, message: 'Bilden är uppladdad.' };
		},
		removeImage: async (event: RequestEvent) => {
			const version = Number((await event.request.formData()).get('version'));
			const result = await apiFormResult(images.remove(event, { id: images.id(event.params), version }), event);
			if (!result.ok) return result.failure;
			return { saved: true, message: 'Bilden är borttagen.' };
		}
	};
}

/** The editor's view of an item's image: its sources, or null when it has none. */
export function editorImage(item: {
	image_key: string | null;
	image_width: number | null;
	image_height: number | null;
}) {
	return item.image_key && item.image_width && item.image_height
		? imageSources(item.image_key, item.image_width, item.image_height)
		: null;
}
