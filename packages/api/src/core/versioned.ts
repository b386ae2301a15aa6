import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { Database } from '@regionportalen/db';

// Items an editor saves again and again (news, content pages, insatser): every save bumps the version
// (optimistic concurrency) and leaves a revision behind, so any earlier state can be seen and its
// text restored. The domain says which columns a revision keeps; the rest is the same for all.

type Q = Kysely<Database> | Transaction<Database>;

/** Tables of versioned items, each with its revisions' table. */
type Versioned = {
	news: 'news_revision';
	content_page: 'content_page_revision';
	insats: 'insats_revision';
	project: 'project_revision';
};

/** A revision's columns that the domain fills (the rest are the item's key, version, who and when). */
type RevisionText<R extends keyof Database, K extends string> = Omit<
	Insertable<Database[R]>,
	'id' | 'version' | 'saved_by' | 'saved_at' | K
>;

/** One earlier saved state as the revisions list shows it. */
export interface RevisionSummary {
	id: number;
	version: number;
	title: string;
	saved_at: Date;
	saved_by_name: string | null;
}

export function versionedItems<
	T extends keyof Versioned,
	K extends Exclude<keyof Database[Versioned[T]] & string, keyof Database[T]>
>(spec: {
	table: T;
	revisions: Versioned[T];
	/** The revision's column naming its item (news_id, page_id). */
	key: K;
	/** What a revision keeps of a saved row. */
	revisionOf: (row: Selectable<Database[T]>) => RevisionText<Versioned[T], K>;
}) {
	// Kysely cannot follow a table chosen by a type parameter; the signatures above keep the types.
	const any = (db: Q) => db as unknown as Kysely<any>;
	const table: string = spec.table;
	const revisions: string = spec.revisions;
	const key: string = spec.key;
	type Row = Selectable<Database[T]>;

	async function recordRevision(db: Q, row: Row, userId: number) {
		const { id, version } = row as Row & { id: number; version: number };
		await any(db)
			.insertInto(revisions)
			.values({ [key]: id, version, ...spec.revisionOf(row), saved_by: userId })
			.execute();
	}

	return {
		recordRevision,

		/**
		 * Writes `set` over `version` and records the new state as a revision; undefined when someone
		 * saved in between (the caller reports the conflict).
		 */
		async saveVersioned(
			db: Q,
			id: number,
			version: number,
			userId: number,
			set: Updateable<Database[T]>
		): Promise<Row | undefined> {
			const updated = (await any(db)
				.updateTable(table)
				.set({ ...(set as object), updated_by: userId, updated_at: sql`now()`, version: sql`version + 1` })
				.where('id', '=', id)
				.where('version', '=', version)
				.returningAll()
				.executeTakeFirst()) as Row | undefined;
			if (updated) await recordRevision(db, updated, userId);
			return updated;
		},

		/**
		 * A write that is not the text (a status, a date, a file): bumps the version, so an open editor
		 * learns of it on its next save, and leaves no revision.
		 */
		async bumpVersion(db: Q, id: number, userId: number, set: Updateable<Database[T]>): Promise<Row> {
			return (await any(db)
				.updateTable(table)
				.set({ ...(set as object), updated_by: userId, updated_at: sql`now()`, version: sql`version + 1` })
				.where('id', '=', id)
				.returningAll()
				.executeTakeFirstOrThrow()) as Row;
		},

		/** The item's saved states, newest first (the latest 100). */
		listRevisions(db: Q, itemId: number): Promise<RevisionSummary[]> {
			return any(db)
				.selectFrom(revisions)
				.leftJoin('app_user_name', 'app_user_name.id', `${revisions}.saved_by`)
				.select([
					`${revisions}.id`,
					`${revisions}.version`,
					`${revisions}.title`,
					`${revisions}.saved_at`,
					'app_user_name.name as saved_by_name'
				])
				.where(`${revisions}.${key}`, '=', itemId)
				.orderBy(`${revisions}.version`, 'desc')
				.limit(100)
				.execute();
		},

		/** One revision of the item; undefined when it is not one of the item's. */
		findRevision(db: Q, itemId: number, revisionId: number): Promise<Selectable<Database[Versioned[T]]> | undefined> {
			return any(db)
				.selectFrom(revisions)
				.selectAll()
				.where(key, '=', itemId)
				.where('id', '=', revisionId)
				.executeTakeFirst() as Promise<Selectable<Database[Versioned[T]]> | undefined>;
		}
	};
}
