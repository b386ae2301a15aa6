import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@regionportalen/db';
import { visible } from './queries.ts';

// The news items that tell about an insats (news.insats_id) or a joint project (news.project_id), for
// its page: what a visitor may read of them, newest first.

type Q = Kysely<Database> | Transaction<Database>;

export function newsOfInsats(db: Q, insatsId: number, limit = 10) {
	return newsAbout(db, 'insats_id', insatsId, limit);
}

export function newsOfProject(db: Q, projectId: number, limit = 10) {
	return newsAbout(db, 'project_id', projectId, limit);
}

function newsAbout(db: Q, column: 'insats_id' | 'project_id', id: number, limit: number) {
	return (
		db
			.selectFrom('news')
			.leftJoin('forbund', 'forbund.id', 'news.forbund_id')
			// Whose item it is: a project's page links to it on its own förbund's site.
			.select(['news.id', 'news.slug', 'news.title', 'news.lead', 'news.published_at', 'news.forbund_id'])
			.select(['forbund.origin as forbund_origin'])
			.where(`news.${column}`, '=', id)
			.where(visible)
			.orderBy('news.published_at', 'desc')
			.orderBy('news.id', 'desc')
			.limit(limit)
			.execute()
	);
}
