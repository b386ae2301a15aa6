import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';

// Insatser for the catalogue's tests and its access matrix, written as the owner (no person: the
// demo data's way), so the editorial workflow is not what these tests are about.

/** Inserts an insats as the owner (no person: the demo data's way); published unless told. */
export async function insertInsats(
	owner: Db,
	fx: Fixtures,
	values: Record<string, unknown> & { slug: string; name: string }
) {
	const forbundId = (values.forbund_id as number | undefined) ?? fx.forbund.a;
	const { region_id } = await owner
		.selectFrom('forbund')
		.select('region_id')
		.where('id', '=', forbundId)
		.executeTakeFirstOrThrow();
	const inriktning = (values.inriktning as string | undefined) ?? 'individinriktad';
	const { id: categoryId } = await owner
		.selectFrom('insats_precise_category')
		.select('id')
		.where('inriktning', '=', inriktning as 'individinriktad')
		.orderBy('position')
		.executeTakeFirstOrThrow();
	const status = (values.status as string | undefined) ?? 'published';
	const { id } = await owner
		.insertInto('insats')
		.values({
			region_id,
			forbund_id: forbundId,
			precise_category_id: categoryId,
			inriktning: inriktning as 'individinriktad',
			follow_up: 'endast_antal',
			status: status as 'published',
			published_at: status === 'published' ? new Date('2026-01-10T10:00:00Z') : null,
			...(values as object),
			...('contacts' in values ? { contacts: JSON.stringify(values.contacts) } : {}),
			...('providers' in values ? { providers: JSON.stringify(values.providers) } : {}),
			slug: values.slug,
			name: values.name
		} as never)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}
