import { TRPCError } from '@trpc/server';
import type { Membership } from '../core/index.ts';
import { canEditNews } from '../news/index.ts';

// Who may write content pages: the same people as the owner's news (a förbund's editors and admins,
// a region's coordinators, platform admins), so the rule is news's, not a copy of it; the
// database's policies read the same function (app_can_edit_news).

export type PageOwner = { forbund_id: number | null; region_id: number };

export const canEditPages = (memberships: Membership[], owner: PageOwner): boolean => canEditNews(memberships, owner);

export function assertCanEditPages(memberships: Membership[], owner: PageOwner): void {
	if (!canEditPages(memberships, owner)) {
		throw new TRPCError({ code: 'FORBIDDEN', message: 'Du har inte behörighet att redigera sidor här.' });
	}
}
