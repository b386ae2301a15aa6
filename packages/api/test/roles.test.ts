import { sql } from 'kysely';
import { ROLE_DEFINITIONS, ROLES, roleDefinition, type Role } from '@regionportalen/db';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import { canManageMembership } from '../src/accounts/access.ts';
import { requiresTwoFactor } from '../src/index.ts';

// Roles are data: the database's rules read the role_definition table, the API's read
// ROLE_DEFINITIONS, and here every granter role meets every role at every kind of place, so the two
// cannot drift apart.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);

/** A new person holding one role at the natural place for its scope: förbund A, region norr, the platform. */
async function holder(role: Role) {
	const scope = roleDefinition(role).scope;
	const place = {
		forbund_id: scope === 'forbund' ? fx.forbund.a : null,
		region_id: scope === 'region' ? fx.regions.norr : null
	};
	const { id } = await owner
		.insertInto('app_user')
		.values({ email: `${role}-${Math.random().toString(36).slice(2)}@test.example`, name: role })
		.returning('id')
		.executeTakeFirstOrThrow();
	await owner
		.insertInto('membership')
		.values({ user_id: id, role, ...place })
		.execute();
	return { id, membership: { role, ...place } };
}

/** Every place a role of this scope could be granted at, with the region of its förbund. */
function placesFor(role: Role) {
	switch (roleDefinition(role).scope) {
		case 'forbund':
			return [
				{ forbund_id: fx.forbund.a, region_id: null, forbund_region_id: fx.regions.norr },
				{ forbund_id: fx.forbund.b, region_id: null, forbund_region_id: fx.regions.norr },
				{ forbund_id: fx.forbund.c, region_id: null, forbund_region_id: fx.regions.syd }
			];
		case 'region':
			return [
				{ forbund_id: null, region_id: fx.regions.norr, forbund_region_id: null },
				{ forbund_id: null, region_id: fx.regions.syd, forbund_region_id: null }
			];
		case 'platform':
			return [{ forbund_id: null, region_id: null, forbund_region_id: null }];
	}
}

describe('roles as data', () => {
	it('the database holds the same definitions as the code', async () => {
		const rows = await db.selectFrom('role_definition').selectAll().orderBy('role').execute();
		expect(rows).toEqual(
			[...ROLES].sort().map((role) => {
				const d = ROLE_DEFINITIONS[role];
				return { role, label: d.label, scope: d.scope, granted_by: [...d.grantedBy], privileged: d.privileged };
			})
		);
	});

	it('the API and the database agree on who may grant every role at every place', async () => {
		let granted = 0;
		let refused = 0;
		for (const granterRole of ROLES) {
			const granter = await holder(granterRole);
			for (const role of ROLES) {
				for (const place of placesFor(role)) {
					const api = canManageMembership([granter.membership], { role, ...place });
					const database = await db.transaction().execute(async (trx) => {
						await sql`select set_config('app.user_id', ${String(granter.id)}, true)`.execute(trx);
						const { rows } = await sql<{ allowed: boolean }>`
							select app_can_manage_membership(${role}, ${place.forbund_id}, ${place.region_id}) as allowed`.execute(trx);
						return rows[0]!.allowed;
					});
					expect(database, `${granterRole} granting ${role} at ${JSON.stringify(place)}`).toBe(api);
					if (api) granted++;
					else refused++;
				}
			}
		}
		// Both answers occur: a förbund admin grants its own editors, not another förbund's.
		expect(granted).toBeGreaterThan(10);
		expect(refused).toBeGreaterThan(10);
		expect(
			canManageMembership([{ role: 'forbund_admin', forbund_id: fx.forbund.a, region_id: null }], {
				role: 'editor',
				forbund_id: fx.forbund.b,
				region_id: null,
				forbund_region_id: fx.regions.norr
			})
		).toBe(false);
	});

	it('a coordinator grants ASF-samordnare in its region, but gets no ASF role by default', () => {
		const coordinator = [{ role: 'coordinator' as const, forbund_id: null, region_id: fx.regions.norr }];
		expect(
			canManageMembership(coordinator, {
				role: 'asf_coordinator',
				forbund_id: null,
				region_id: fx.regions.norr,
				forbund_region_id: null
			})
		).toBe(true);
		expect(
			canManageMembership(coordinator, {
				role: 'asf_coordinator',
				forbund_id: null,
				region_id: fx.regions.syd,
				forbund_region_id: null
			})
		).toBe(false);
		expect(roleDefinition('coordinator').grantedBy).not.toContain('asf_coordinator');
	});

	it('privileged roles need two factors, in the API and the database alike', async () => {
		for (const role of ROLES) {
			const { id } = await holder(role);
			const { rows } = await sql<{ privileged: boolean }>`select app_user_is_privileged(${id}) as privileged`.execute(
				owner
			);
			expect(rows[0]!.privileged, role).toBe(roleDefinition(role).privileged);
			expect(requiresTwoFactor([{ role }]), role).toBe(roleDefinition(role).privileged);
		}
	});

	it('a role must name the place its scope says, and an unknown role is refused', async () => {
		const wrongPlace = owner
			.insertInto('membership')
			.values({ user_id: fx.users.noRoles, role: 'editor', region_id: fx.regions.norr });
		await expect(wrongPlace.execute()).rejects.toMatchObject({ code: '23514' });
		const unknown = owner
			.insertInto('membership')
			.values({ user_id: fx.users.noRoles, role: 'chef' as Role, forbund_id: fx.forbund.a });
		await expect(unknown.execute()).rejects.toMatchObject({ code: '23503' });
	});
});
