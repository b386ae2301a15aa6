import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { PG_PORT } from './portal.ts';

// The e2e servers send their mail over real SMTP to a capture server that the test run starts (see
// mail-capture.ts); each received mail is written here as JSON for the tests to read.

export const SMTP_PORT = 2525 + (PG_PORT % 1000);
export const MAIL_DIR = fileURLToPath(new URL(`../../.data/e2e-mail-${PG_PORT}/`, import.meta.url));

export interface CapturedMail {
	to: string[];
	subject: string;
	text: string;
}

export function resetMailDir() {
	rmSync(MAIL_DIR, { recursive: true, force: true });
	mkdirSync(MAIL_DIR, { recursive: true });
}

export function saveMail(mail: CapturedMail) {
	writeFileSync(path.join(MAIL_DIR, `${Date.now()}-${Math.random().toString(36).slice(2)}.json`), JSON.stringify(mail));
}

/** The newest mail to the address, waiting for it to arrive. */
export async function mailTo(address: string, subject?: RegExp): Promise<CapturedMail> {
	let found: CapturedMail | undefined;
	await expect
		.poll(
			() => {
				const mails = readdirSync(MAIL_DIR)
					.sort()
					.map((n) => JSON.parse(readFileSync(path.join(MAIL_DIR, n), 'utf8')) as CapturedMail)
					.filter((m) => m.to.includes(address.toLowerCase()) && (!subject || subject.test(m.subject)));
				found = mails.at(-1);
				return Boolean(found);
			},
			{ timeout: 10_000 }
		)
		.toBe(true);
	return found!;
}

/** The link in a mail that points at the site. */
export function linkIn(mail: CapturedMail, site: string): string {
	const match = mail.text.match(new RegExp(`${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\S+`));
	if (!match) throw new Error(`No link to ${site} in: ${mail.text}`);
	return match[0];
}
