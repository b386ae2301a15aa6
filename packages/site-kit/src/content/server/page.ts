import { redirect, type ServerLoadEvent } from '@sveltejs/kit';
import { imageSources } from '@regionportalen/media';
import { api, basePath, orErrorPage, ownerFor } from '../../core/server/index.ts';

// The catch-all route's page: the published page at the address, under the owner's base ('' on a
// förbund site, /<region> on the hub). An address a page had before it was renamed or moved is a
// 301 to its current one; anything else is the site's 404, with the API's message.

export async function loadContentPage({ locals, url, params }: ServerLoadEvent) {
	const owner = ownerFor(locals, params);
	const base = basePath(owner);
	const path = (params.path ?? '').split('/').filter(Boolean);
	const result = await orErrorPage(api(locals).content.byPath({ owner, path }), url);
	if ('redirect' in result) redirect(301, `${base}${result.redirect}${url.search}`);
	const { page } = result;
	const image =
		page.image_key && page.image_width && page.image_height
			? {
					...imageSources(page.image_key, page.image_width, page.image_height),
					alt: page.image_alt,
					caption: page.image_caption
				}
			: null;
	return { ...result, image, base };
}

export type ContentPageData = Awaited<ReturnType<typeof loadContentPage>>;
