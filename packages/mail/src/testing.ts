import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Db } from '@regionportalen/db/client';
import { unseal } from '@regionportalen/db/seal';

// A real SMTP server in the test process: mails sent to it are parsed and kept, so a test can read
// the link it carries.

export interface ReceivedMail {
	from: string;
	to: string[];
	subject: string;
	text: string;
	html: string;
	/** Header names lower-cased, values as sent (unfolded). */
	headers: Record<string, string>;
	attachments: { filename: string; contentType: string; content: string }[];
	messageId: string;
}

export interface SmtpCapture {
	url: string;
	port: number;
	mails: ReceivedMail[];
	/** Waits for the next mail to this address (or one already received and not yet taken). */
	next(to: string, timeoutMs?: number): Promise<ReceivedMail>;
	close(): Promise<void>;
}

export async function startSmtpCapture(port = 0, onMail?: (mail: ReceivedMail) => void): Promise<SmtpCapture> {
	const mails: ReceivedMail[] = [];
	const taken = new Set<ReceivedMail>();
	const waiters: (() => void)[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					const mail = {
						from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
						to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
						subject: parsed.subject ?? '',
						text: parsed.text ?? '',
						html: typeof parsed.html === 'string' ? parsed.html : '',
						headers: Object.fromEntries(
							parsed.headerLines.map((h) => [
								h.key,
								h.line
									.slice(h.line.indexOf(':') + 1)
									.replace(/\r?\n[ \t]+/g, ' ')
									.trim()
							])
						),
						attachments: parsed.attachments.map((a) => ({
							filename: a.filename ?? '',
							contentType: a.contentType,
							content: a.content.toString('utf8')
						})),
						messageId: parsed.messageId ? `<${parsed.messageId.replace(/^<|>$/g, '')}>` : ''
					};
					mails.push(mail);
					onMail?.(mail);
					for (const wake of waiters.splice(0)) wake();
					callback();
				})
				.catch(callback);
		}
	});
	// A client that goes away mid-session (a worker killed in a fault test) is no error of the server's.
	server.on('error', () => undefined);
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const actual = (server.server.address() as AddressInfo).port;

	return {
		url: `smtp://127.0.0.1:${actual}`,
		port: actual,
		mails,
		async next(to, timeoutMs = 10_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const mail = mails.find((m) => !taken.has(m) && m.to.includes(to.toLowerCase()));
				if (mail) {
					taken.add(mail);
					return mail;
				}
				if (Date.now() > deadline) throw new Error(`No mail to ${to} within ${timeoutMs} ms`);
				await new Promise<void>((resolve) => {
					waiters.push(resolve);
					setTimeout(resolve, 200);
				});
			}
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** The first link in a mail's text that starts with the given origin. */
export function linkIn(mail: Pick<ReceivedMail, 'text'>, origin: string): string {
	const match = mail.text.match(new RegExp(`${origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\S+`));
	if (!match) throw new Error(`No link to ${origin} in: ${mail.text}`);
	return match[0];
}

/** The mails in the outbox to this address, oldest first, with their bodies opened (read as the owner). */
export async function queuedMailsTo(owner: Db, to: string) {
	const rows = await owner
		.selectFrom('mail_outbox')
		.select(['subject', 'body_sealed', 'status', 'forbund_id'])
		.where('recipient', '=', to)
		.orderBy('id')
		.execute();
	return rows.map(({ body_sealed, ...row }) => ({
		...row,
		text: body_sealed ? Buffer.from(unseal(body_sealed)).toString('utf8') : ''
	}));
}
