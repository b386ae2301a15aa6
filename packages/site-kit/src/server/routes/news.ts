import { error, type ServerLoadEvent } from '@sveltejs/kit';
import { api } from '../api.ts';
import { orErrorPage } from '../errors.ts';
import { basePath, ownerFor } from '../owner.ts';

function pageParam(url: URL): number {
	const raw = url.searchParams.get('sida') ?? '1';
	const page = Number(raw);
	if (!Number.isInteger(page) || page < 1 || page > 10_000) error(400, 'Ogiltigt sidnummer.');
	return page;
}

/** The news list: a förbund's own news, or on the hub the region's shared feed. */
export async function loadNewsList({ locals, url, params }: ServerLoadEvent) {
	const owner = ownerFor(locals, params);
	const page = pageParam(url);
	const caller = api(locals);
	const result =
		'forbund' in owner
			? await orErrorPage(caller.news.list({ forbund: owner.forbund, page }), url)
			: await orErrorPage(caller.news.regionFeed({ region: owner.region, page }), url);
	if (page > result.pageCount) error(404, 'Sidan finns inte.');
	return { ...result, base: basePath(owner), showCredit: 'region' in owner };
}

export async function loadArticle({ locals, url, params }: ServerLoadEvent) {
	const owner = ownerFor(locals, params);
	const slug = params.slug ?? '';
	const article = await orErrorPage(api(locals).news.bySlug({ owner, slug }), url);
	return { article, base: basePath(owner) };
}

export type NewsListData = Awaited<ReturnType<typeof loadNewsList>>;
export type ArticleData = Awaited<ReturnType<typeof loadArticle>>;
