import { error } from '@sveltejs/kit';
import { listOutbox, outboxDir } from '@regionportalen/mail';

/**
 * `/dev/utkorg`: the mails the worker delivered to the local folder, in development without an SMTP
 * server (their bodies, links and all, which no page of the outbox table shows). Does not exist in
 * production.
 */
export async function loadOutbox() {
	if (process.env.NODE_ENV === 'production') error(404, 'Sidan finns inte.');
	return { mails: await listOutbox(), dir: outboxDir() };
}

export type OutboxData = Awaited<ReturnType<typeof loadOutbox>>;
