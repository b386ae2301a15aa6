import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';

// How the worker delivers mail (outbox.ts is how everyone else sends it): through SMTP, or, without
// SMTP settings outside production, into a local folder (.eml plus a .json summary) that the
// development page /dev/utkorg lists. Production without SMTP refuses to send, unless
// MAIL_OUTBOX_DIR names a folder on purpose.

export interface MailAttachment {
	filename: string;
	/** With its parameters, e.g. `text/calendar; charset=utf-8; method=REQUEST`. */
	contentType: string;
	content: string;
}

/** What a mail may carry beside its text: kept sealed in the outbox with the text. */
export interface MailParts {
	html?: string;
	headers?: Record<string, string>;
	attachments?: MailAttachment[];
}

export interface OutgoingMail extends MailParts {
	to: string;
	subject: string;
	text: string;
	/** Set by the outbox, so that a mail sent again after a crash is known as the same mail. */
	messageId?: string;
}

export interface Mailer {
	readonly kind: 'smtp' | 'outbox';
	send(mail: OutgoingMail): Promise<void>;
}

export interface OutboxEntry {
	id: string;
	to: string;
	subject: string;
	text: string;
	messageId?: string;
	sentAt: string;
}

const DEFAULT_FROM = 'Regionportalen <no-reply@regionportalen.localhost>';

export const defaultOutboxDir = fileURLToPath(new URL('../../../.data/outbox/', import.meta.url));

export function outboxDir(env: NodeJS.ProcessEnv = process.env): string {
	return env.MAIL_OUTBOX_DIR ?? defaultOutboxDir;
}

/** SMTP_URL, or SMTP_HOST with SMTP_PORT / SMTP_USER / SMTP_PASS / SMTP_SECURE; null when neither. */
function smtpOptions(env: NodeJS.ProcessEnv) {
	if (env.SMTP_URL) return env.SMTP_URL;
	if (!env.SMTP_HOST) return null;
	const port = Number(env.SMTP_PORT ?? 587);
	return {
		host: env.SMTP_HOST,
		port,
		secure: env.SMTP_SECURE ? env.SMTP_SECURE === 'true' : port === 465,
		auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS ?? '' } : undefined
	};
}

/** The address mails are sent from (MAIL_FROM). */
export const mailFrom = (env: NodeJS.ProcessEnv = process.env) => env.MAIL_FROM ?? DEFAULT_FROM;

/**
 * A mailer from the environment. `pool` keeps up to that many SMTP connections open (the worker's
 * concurrency), instead of one connection per mail.
 */
export function createMailer(env: NodeJS.ProcessEnv = process.env, { pool = 0 } = {}): Mailer {
	const from = mailFrom(env);
	const smtp = smtpOptions(env);
	if (smtp) {
		const transport = nodemailer.createTransport({
			...(typeof smtp === 'string' ? { url: smtp } : smtp),
			...(pool > 0 ? { pool: true, maxConnections: pool } : {}),
			// A relay that hangs must not hold a mail's row (and its lock) for the default 10 minutes.
			connectionTimeout: 30_000,
			greetingTimeout: 30_000,
			socketTimeout: 60_000
		});
		return {
			kind: 'smtp',
			async send(mail) {
				await transport.sendMail({ from, ...mail });
			}
		};
	}
	// In production a folder is used only when asked for by name (MAIL_OUTBOX_DIR), never by default.
	if (env.NODE_ENV === 'production' && !env.MAIL_OUTBOX_DIR) {
		throw new Error('No SMTP server is configured (SMTP_URL or SMTP_HOST, or MAIL_OUTBOX_DIR for a pickup folder).');
	}
	const dir = outboxDir(env);
	const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	return {
		kind: 'outbox',
		async send(mail) {
			const info = await transport.sendMail({ from, ...mail });
			const sentAt = new Date();
			const id = `${sentAt.toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}`;
			await mkdir(dir, { recursive: true });
			await writeFile(path.join(dir, `${id}.eml`), info.message as Buffer);
			const entry: OutboxEntry = { id, ...mail, sentAt: sentAt.toISOString() };
			await writeFile(path.join(dir, `${id}.json`), JSON.stringify(entry, null, 2));
		}
	};
}

/** The outbox's mails, newest first (development only). */
export async function listOutbox(dir = outboxDir(), limit = 50): Promise<OutboxEntry[]> {
	const names = await readdir(dir).catch(() => [] as string[]);
	const json = names
		.filter((n) => n.endsWith('.json'))
		.sort()
		.reverse()
		.slice(0, limit);
	return Promise.all(json.map(async (n) => JSON.parse(await readFile(path.join(dir, n), 'utf8')) as OutboxEntry));
}
export * from './templates.ts';
export * from './outbox.ts';
