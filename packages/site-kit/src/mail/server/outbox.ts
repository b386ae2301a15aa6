import { redirect, type ServerLoadEvent } from '@sveltejs/kit';
import { api, loginUrl, orErrorPage, pageParam } from '../../core/server/index.ts';

// /admin/utskick: the outbox as the admin may see it (the API decides: platform admins all mail,
// förbund admins their förbund's). Recipient, subject, status and attempts; never a body.

/** The status filter as the address names it, and as the API does. */
export const STATUS_PARAMS = { alla: 'all', vantar: 'pending', skickade: 'sent', misslyckade: 'failed' } as const;
type StatusParam = keyof typeof STATUS_PARAMS;

export async function loadMailOutbox({ locals, url }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const asked = url.searchParams.get('status') ?? 'alla';
	const param: StatusParam = asked in STATUS_PARAMS ? (asked as StatusParam) : 'alla';
	const outbox = await orErrorPage(
		api(locals).mail.outbox({ status: STATUS_PARAMS[param], page: pageParam(url) }),
		url
	);
	return { ...outbox, param };
}

export type MailOutboxData = Awaited<ReturnType<typeof loadMailOutbox>>;
