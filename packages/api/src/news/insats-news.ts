import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@regionportalen/db';
import { visible } from './queries.ts';

// The news items that tell about an insats (news.insats_id), for the insats's page: what a visitor
// may read of them, newest first.

type Q = Kysely<Database> | Transaction<Database>;

export function newsOfInsats(db: Q, insatsId: number, limit = 10) {
	return db
		.selectFrom('news')
		.select(['news.id', 'news.slug', 'news.title', 'news.lead', 'news.published_at'])
		.where('news.insats_id', '=', insatsId)
		.where(visible)
		.orderBy('news.published_at', 'desc')
		.orderBy('news.id', 'desc')
		.limit(limit)
		.execute();
}
