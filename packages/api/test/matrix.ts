import { TRPCError } from '@trpc/server';
import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { expect } from 'vitest';
import { callersFor, snapshotNews } from './helpers.ts';

// The role × procedure × tenant matrix for news. Each case runs on a fresh set of items (a draft and
// a published item per owner); a denied case must leave the database exactly as it was.

export type Actor = keyof ReturnType<typeof callersFor>;
export const ACTORS: Actor[] = [
	'anonymous',
	'noRoles',
	'editorA',
	'editorB',
	'adminA',
	'coordinatorNorr',
	'platformAdmin'
];

type Owner = { forbund: 'a' | 'b' | 'c' } | { region: 'norr' | 'syd' };
export const OWNERS: Owner[] = [
	{ forbund: 'a' },
	{ forbund: 'b' },
	{ forbund: 'c' },
	{ region: 'norr' },
	{ region: 'syd' }
];

/** Who may write each owner's news, stated here independently of the code under test. */
export function allowed(actor: Actor, owner: Owner): boolean {
	if (actor === 'platformAdmin') return true;
	if ('forbund' in owner) {
		return (
			(owner.forbund === 'a' && (actor === 'editorA' || actor === 'adminA')) ||
			(owner.forbund === 'b' && actor === 'editorB')
		);
	}
	return owner.region === 'norr' && actor === 'coordinatorNorr';
}

export const PROCEDURES = ['create', 'forEditing', 'byId', 'update', 'publish', 'unpublish'] as const;
export type Procedure = (typeof PROCEDURES)[number];

const fields = { title: 'Matrisnyhet', lead: '', body: 'Text.', sharedWithRegion: false };

async function resetNews(owner: Db, fx: Fixtures) {
	await owner.deleteFrom('news').execute();
	const ids = new Map<string, { draft: number; published: number }>();
	for (const o of OWNERS) {
		const key = JSON.stringify(o);
		const scope =
			'forbund' in o
				? { forbund_id: fx.forbund[o.forbund], region_id: o.forbund === 'c' ? fx.regions.syd : fx.regions.norr }
				: { forbund_id: null, region_id: fx.regions[o.region] };
		const draft = await owner
			.insertInto('news')
			.values({ ...scope, slug: 'utkast', title: 'Utkast' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const published = await owner
			.insertInto('news')
			.values({
				...scope,
				slug: 'publicerad',
				title: 'Publicerad',
				status: 'published',
				published_at: new Date('2024-01-01')
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		ids.set(key, { draft: draft.id, published: published.id });
	}
	return (o: Owner) => ids.get(JSON.stringify(o))!;
}

function call(
	caller: ReturnType<typeof callersFor>[Actor],
	procedure: Procedure,
	owner: Owner,
	item: { draft: number; published: number }
) {
	switch (procedure) {
		case 'create':
			return caller.news.create({ ...fields, owner });
		case 'forEditing':
			return caller.news.forEditing({ owner });
		case 'byId':
			return caller.news.byId({ id: item.draft });
		case 'update':
			return caller.news.update({ ...fields, id: item.draft, version: 1 });
		case 'publish':
			return caller.news.publish({ id: item.draft });
		case 'unpublish':
			return caller.news.unpublish({ id: item.published });
	}
}

/**
 * Runs every case. `denied` says how a refusal may look: with the API's checks in place it is an
 * authorization error; with them bypassed, any error or an answer that holds no draft of that owner.
 */
export async function runMatrix(db: Db, owner: Db, fx: Fixtures, mode: 'api-checks' | 'rls-only') {
	const as = callersFor(db, fx);
	let denied = 0;
	for (const actor of ACTORS) {
		for (const o of OWNERS) {
			for (const procedure of PROCEDURES) {
				const item = (await resetNews(owner, fx))(o);
				const label = `${actor} ${procedure} ${JSON.stringify(o)}`;
				const before = await snapshotNews(owner);
				const outcome = await call(as[actor], procedure, o, item).then(
					(value) => ({ ok: true as const, value }),
					(error: unknown) => ({ ok: false as const, error })
				);
				if (allowed(actor, o)) {
					expect(outcome.ok, `${label} should be allowed`).toBe(true);
					continue;
				}
				denied++;
				if (outcome.ok) {
					// Only a read may answer, and only without the owner's draft in it.
					expect(mode === 'rls-only' && procedure === 'forEditing', `${label} should be denied`).toBe(true);
					const rows = outcome.value as { id: number }[];
					expect(
						rows.map((r) => r.id),
						`${label} leaked a draft`
					).not.toContain(item.draft);
				} else if (mode === 'api-checks') {
					expect(outcome.error, label).toBeInstanceOf(TRPCError);
					expect(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'], label).toContain((outcome.error as TRPCError).code);
				}
				expect(await snapshotNews(owner), `${label} changed the database`).toEqual(before);
			}
		}
	}
	return denied;
}
