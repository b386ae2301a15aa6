import { TRPCError } from '@trpc/server';
import { isPlatformAdmin, type Membership } from '../core/index.ts';

// Who sees the outbox (recipient, subject, status, attempts; never a body): platform admins all of
// it, förbund admins their förbund's mail. The same rule is the policy mail_outbox_admins.

/** The förbund whose mail the caller sees, or 'all'; an empty list when none. */
export function mailScope(memberships: Membership[]): 'all' | number[] {
	if (isPlatformAdmin(memberships)) return 'all';
	return memberships.filter((m) => m.role === 'forbund_admin' && m.forbund_id !== null).map((m) => m.forbund_id!);
}

/** Whether the caller sees any of the outbox. */
export function canReadMail(memberships: Membership[]): boolean {
	const scope = mailScope(memberships);
	return scope === 'all' || scope.length > 0;
}

export function assertCanReadMail(memberships: Membership[]): 'all' | number[] {
	const scope = mailScope(memberships);
	if (scope !== 'all' && scope.length === 0) {
		throw new TRPCError({ code: 'FORBIDDEN', message: 'Bara administratörer kan se utskicken.' });
	}
	return scope;
}
