import { error, type ServerLoadEvent } from '@sveltejs/kit';
import { canReadMail } from '@regionportalen/api';
import { listOutbox, outboxDir } from '@regionportalen/mail';
import { api } from './api.ts';

/**
 * `/dev/utkorg`, in development only: the outbox table as far as the signed-in admin may see it
 * (status and attempts; the servers cannot read a body), and the mails the worker delivered to the
 * local folder without an SMTP server, bodies and links and all. Does not exist in production.
 */
export async function loadOutbox({ locals }: Pick<ServerLoadEvent, 'locals'>) {
	if (process.env.NODE_ENV === 'production') error(404, 'Sidan finns inte.');
	const admin = locals.user !== null && canReadMail((await api(locals).users.me()).memberships);
	const queue = admin ? (await api(locals).mail.outbox({ status: 'all' })).mails : null;
	return { queue, mails: await listOutbox(), dir: outboxDir() };
}

export type OutboxData = Awaited<ReturnType<typeof loadOutbox>>;
