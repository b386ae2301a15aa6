// The roles a person can hold, in one place: what each is called, where it applies, who may grant
// it and whether it is privileged. The API's rules, the database's functions (through the
// role_definition table, which `migrateToLatest` keeps equal to this list), the admin pages and the
// tests all read it. Adding a role is adding an entry here (and the rules that use it).

import type { Kysely } from 'kysely';

/** Where a role applies: one förbund, one region, or the whole platform. */
export type RoleScope = 'forbund' | 'region' | 'platform';

export interface RoleDefinition {
	/** How the role reads in Swedish, in lower case ("redaktör"). */
	label: string;
	scope: RoleScope;
	/**
	 * Roles that may grant and revoke this one, besides a platform admin (who may grant any): a
	 * förbund role within its own förbund; a region role within its region, and for a förbund role,
	 * in the förbunds of its region.
	 */
	grantedBy: readonly string[];
	/** Needs two-factor sign-in and short sessions. */
	privileged: boolean;
}

export const ROLE_DEFINITIONS = {
	editor: {
		label: 'redaktör',
		scope: 'forbund',
		grantedBy: ['forbund_admin'],
		privileged: false
	},
	/** Approves the förbund's insatser for the catalogue. */
	catalogue_admin: {
		label: 'katalogadministratör',
		scope: 'forbund',
		grantedBy: ['forbund_admin'],
		privileged: false
	},
	/** The förbund's process leaders and coordinators: ask for ASF training places, read the region's internal ASF notes. */
	insats_staff: {
		label: 'insatspersonal',
		scope: 'forbund',
		grantedBy: ['forbund_admin'],
		privileged: true
	},
	forbund_admin: {
		label: 'förbundsadministratör',
		scope: 'forbund',
		grantedBy: ['forbund_admin'],
		privileged: true
	},
	/** A förbund board's presidium (or its förbundschef), who read the region's joint presidium minutes. */
	presidium: {
		label: 'presidieledamot',
		scope: 'forbund',
		grantedBy: ['forbund_admin', 'coordinator'],
		privileged: true
	},
	coordinator: {
		label: 'regional samordnare',
		scope: 'region',
		grantedBy: ['coordinator'],
		privileged: true
	},
	/** Keeps the region's register of social enterprises; no ASF rights come with being a coordinator. */
	asf_coordinator: {
		label: 'ASF-samordnare',
		scope: 'region',
		grantedBy: ['coordinator'],
		privileged: true
	},
	platform_admin: {
		label: 'plattformsadministratör',
		scope: 'platform',
		grantedBy: [],
		privileged: true
	}
} as const satisfies Record<string, RoleDefinition>;

export type Role = keyof typeof ROLE_DEFINITIONS;
export const ROLES = Object.keys(ROLE_DEFINITIONS) as Role[];

export function roleDefinition(role: Role): RoleDefinition {
	return ROLE_DEFINITIONS[role];
}

export const PRIVILEGED_ROLES = ROLES.filter((role) => ROLE_DEFINITIONS[role].privileged);

/** The role's label with a capital first letter, for a list or a heading ("Redaktör"). */
export function roleTitle(role: Role): string {
	const { label } = ROLE_DEFINITIONS[role];
	return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * Makes the role_definition table equal to ROLE_DEFINITIONS (as the database owner, after the
 * migrations): new roles are added, changed ones updated, and dropped ones removed, which fails
 * while anyone still holds one.
 */
export async function syncRoleDefinitions(db: Kysely<any>): Promise<void> {
	const rows = ROLES.map((role) => {
		const d: RoleDefinition = ROLE_DEFINITIONS[role];
		return { role, label: d.label, scope: d.scope, granted_by: [...d.grantedBy], privileged: d.privileged };
	});
	await db
		.insertInto('role_definition')
		.values(rows)
		.onConflict((oc) =>
			oc.column('role').doUpdateSet((eb) => ({
				label: eb.ref('excluded.label'),
				scope: eb.ref('excluded.scope'),
				granted_by: eb.ref('excluded.granted_by'),
				privileged: eb.ref('excluded.privileged')
			}))
		)
		.execute();
	await db.deleteFrom('role_definition').where('role', 'not in', ROLES).execute();
}
