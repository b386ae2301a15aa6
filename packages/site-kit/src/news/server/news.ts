import { error, type ServerLoadEvent } from '@sveltejs/kit';
import { api, basePath, orErrorPage, ownerFor, pageParam } from '../../core/server/index.ts';

/**
 * The news list: a förbund's own news, or on the hub the region's shared feed, which a visitor can
 * narrow to one förbund or to the regional items (`?fran=`).
 */
export async function loadNewsList({ locals, url, params }: ServerLoadEvent) {
	const owner = ownerFor(locals, params);
	const page = pageParam(url);
	const caller = api(locals);
	if ('forbund' in owner) {
		const result = await orErrorPage(caller.news.list({ forbund: owner.forbund, page }), url);
		if (page > result.pageCount) error(404, 'Sidan finns inte.');
		return { ...result, base: basePath(owner), showCredit: false, filter: null };
	}
	const from = url.searchParams.get('fran') || undefined;
	const [result, region] = await Promise.all([
		orErrorPage(caller.news.regionFeed({ region: owner.region, page, from }), url),
		orErrorPage(caller.sites.region({ slug: owner.region }), url)
	]);
	if (page > result.pageCount) error(404, 'Sidan finns inte.');
	const options = [
		{ value: '', label: 'Alla' },
		{ value: 'regionen', label: `Regionala nyheter från ${region.name}` },
		...region.forbund.map((f) => ({ value: f.slug, label: f.name }))
	];
	return { ...result, base: basePath(owner), showCredit: true, filter: { options, selected: from ?? '' } };
}

export async function loadArticle({ locals, url, params }: ServerLoadEvent) {
	const owner = ownerFor(locals, params);
	const slug = params.slug ?? '';
	const article = await orErrorPage(api(locals).news.bySlug({ owner, slug }), url);
	return { article, base: basePath(owner) };
}

export type NewsListData = Awaited<ReturnType<typeof loadNewsList>>;
export type ArticleData = Awaited<ReturnType<typeof loadArticle>>;
