import type { Db } from '../client.ts';
import type { Role } from '../schema.ts';

// A small known world for tests: region "norr" with förbund A and B, region "syd" with förbund C,
// and one person per role.

export interface Fixtures {
	regions: { norr: number; syd: number };
	forbund: { a: number; b: number; c: number };
	users: {
		editorA: number;
		editorB: number;
		adminA: number;
		coordinatorNorr: number;
		platformAdmin: number;
		noRoles: number;
	};
}

export async function seedFixtures(db: Db, passwordHash: string | null = null): Promise<Fixtures> {
	return db.transaction().execute(async (trx) => {
		const region = async (slug: string) =>
			(
				await trx
					.insertInto('region')
					.values({ slug, name: `Region ${slug}` })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		const regions = { norr: await region('norr'), syd: await region('syd') };

		const forbund = async (slug: string, regionId: number) =>
			(
				await trx
					.insertInto('forbund')
					.values({ slug, region_id: regionId, name: `Samordningsförbundet ${slug.toUpperCase()}`, short_name: slug })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		const f = {
			a: await forbund('a', regions.norr),
			b: await forbund('b', regions.norr),
			c: await forbund('c', regions.syd)
		};

		const user = async (key: string, role?: Role, scope: { forbund_id?: number; region_id?: number } = {}) => {
			const { id } = await trx
				.insertInto('app_user')
				.values({ email: `${key.toLowerCase()}@test.example`, name: key, password_hash: passwordHash })
				.returning('id')
				.executeTakeFirstOrThrow();
			if (role)
				await trx
					.insertInto('membership')
					.values({ user_id: id, role, ...scope })
					.execute();
			return id;
		};
		const users = {
			editorA: await user('editorA', 'editor', { forbund_id: f.a }),
			editorB: await user('editorB', 'editor', { forbund_id: f.b }),
			adminA: await user('adminA', 'forbund_admin', { forbund_id: f.a }),
			coordinatorNorr: await user('coordinatorNorr', 'coordinator', { region_id: regions.norr }),
			platformAdmin: await user('platformAdmin', 'platform_admin'),
			noRoles: await user('noRoles')
		};
		return { regions, forbund: f, users };
	});
}
