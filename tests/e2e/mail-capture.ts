import { startSmtpCapture } from '@regionportalen/mail/testing';
import { resetMailDir, saveMail, SMTP_PORT } from './mail.ts';

/** Playwright's global set-up: a real SMTP server for the run, writing what it receives for the tests. */
export default async function startMailCapture() {
	resetMailDir();
	const capture = await startSmtpCapture(SMTP_PORT, saveMail);
	return () => capture.close();
}
