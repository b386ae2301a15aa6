import { error } from '@sveltejs/kit';
import { listOutbox, outboxDir } from '@regionportalen/mail';

/**
 * `/dev/utkorg`: the mails the portal would have sent, in development without an SMTP server. Does
 * not exist in production.
 */
export async function loadOutbox() {
	if (process.env.NODE_ENV === 'production') error(404, 'Sidan finns inte.');
	return { mails: await listOutbox(), dir: outboxDir() };
}

export type OutboxData = Awaited<ReturnType<typeof loadOutbox>>;
