import type { ServerLoadEvent } from '@sveltejs/kit';
import { api, orErrorPage } from '../../core/server/index.ts';
import { accessibilitySite } from './site.ts';

// /tillganglighet: the site's accessibility statement, for everyone.

export async function loadStatementPage({ locals, url }: ServerLoadEvent) {
	const statement = await orErrorPage(api(locals).accessibility.statement({ site: accessibilitySite(locals) }), url);
	return { statement };
}

export type StatementPageData = Awaited<ReturnType<typeof loadStatementPage>>;
