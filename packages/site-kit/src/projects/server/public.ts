import type { ServerLoadEvent } from '@sveltejs/kit';
import { api, basePath, orErrorPage, ownerFor } from '../../core/server/index.ts';
import { withFileUrls } from '../../documents/server/index.ts';

// The public pages of joint projects: the list (the hub's region, or the projects a förbund owns or
// takes part in) and a project's page, the site's own delprojekt first. One row serves every site;
// a förbund site that takes no part in a project answers 404 for it (the API decides).

export async function loadProjectList({ locals, url, params }: ServerLoadEvent) {
	const owner = ownerFor(locals, params);
	const caller = api(locals);
	const [items, region] = await Promise.all([
		orErrorPage(caller.projects.list({ owner }), url),
		'region' in owner ? orErrorPage(caller.sites.region({ slug: owner.region }), url) : Promise.resolve(null)
	]);
	return { items, base: basePath(owner), regionName: region?.name ?? null };
}
export type ProjectListData = Awaited<ReturnType<typeof loadProjectList>>;

export async function loadProjectPage({ locals, url, params }: ServerLoadEvent) {
	const owner = ownerFor(locals, params);
	const caller = api(locals);
	const project = await orErrorPage(caller.projects.page({ owner, slug: params.slug ?? '' }), url);
	const documents = withFileUrls(await caller.documents.ofProject({ projectId: project.id }));
	return { project, documents, base: basePath(owner) };
}
export type ProjectPageData = Awaited<ReturnType<typeof loadProjectPage>>;
