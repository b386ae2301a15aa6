import { createTestDatabase } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import { createCaller } from '../src/index.ts';

// Names in lists sort the Swedish way (migration 0011: ICU's sv collation): Å, Ä, Ö after Z and in
// that order, and capitals beside their small letters. The database's C.UTF-8 put "Ärla" before
// "Åre" and "Zeta" before "alfa".

const { db, owner } = await createTestDatabase();

describe('Swedish alphabetical order', () => {
	it('lists a region’s förbund by name as a Swedish reader expects', async () => {
		const { id } = await owner
			.insertInto('region')
			.values({ slug: 'alfabetet', name: 'Alfabetets län' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const names = ['Örebro', 'Ärla', 'Åre', 'Zeta', 'alfa', 'Östra', 'Beta'];
		await owner
			.insertInto('forbund')
			.values(names.map((name, i) => ({ slug: `f${i}`, region_id: id, name, short_name: name })))
			.execute();
		const region = await createCaller({ db, user: null, session: null }).sites.region({ slug: 'alfabetet' });
		expect(region.forbund.map((f) => f.name)).toEqual(['alfa', 'Beta', 'Zeta', 'Åre', 'Ärla', 'Örebro', 'Östra']);
	});
});
