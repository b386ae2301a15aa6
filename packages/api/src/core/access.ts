import { PRIVILEGED_ROLES, type Membership as MembershipRow } from '@regionportalen/db';

/** The part of a membership the rules read. */
export type Membership = Pick<MembershipRow, 'role' | 'forbund_id' | 'region_id'>;

// Who may do what is decided from a person's memberships, by pure functions in each domain's
// access.ts: the same rules serve the procedures (assert…) and the pages that decide which buttons
// to show (can…). What every domain's rules share is here.

export function isPlatformAdmin(memberships: Membership[]): boolean {
	return memberships.some((m) => m.role === 'platform_admin');
}

/** Roles that require two-factor authentication and short sessions (see @regionportalen/auth). */
export { PRIVILEGED_ROLES };

export function requiresTwoFactor(memberships: Pick<Membership, 'role'>[]): boolean {
	return memberships.some((m) => PRIVILEGED_ROLES.includes(m.role));
}
