import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMailer, invitationMail, listOutbox, passwordResetMail } from '../src/index.ts';
import { linkIn, startSmtpCapture } from '../src/testing.ts';

const smtp = await startSmtpCapture();
afterAll(() => smtp.close());

describe('mail', () => {
	it('goes through a real SMTP server, with the link whole', async () => {
		const mailer = createMailer({ SMTP_URL: smtp.url, MAIL_FROM: 'Portalen <portal@test.example>' });
		expect(mailer.kind).toBe('smtp');
		const link = 'https://sus.example.se/inbjudan/abcdefghijklmnopqrstuvwxyz234567abcdefgh';
		await mailer.send(
			invitationMail({ to: 'Ny.Person@test.example', inviter: 'Åsa Öberg', role: 'redaktör, SUS', link })
		);
		const mail = await smtp.next('ny.person@test.example');
		expect(mail.from).toBe('portal@test.example');
		expect(mail.subject).toBe('Inbjudan till Regionportalen');
		expect(mail.text).toContain('Åsa Öberg har bjudit in dig');
		expect(linkIn(mail, 'https://sus.example.se')).toBe(link);
	});

	it('is written to the outbox folder in development without SMTP', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'outbox-'));
		const mailer = createMailer({ MAIL_OUTBOX_DIR: dir, NODE_ENV: 'development' });
		expect(mailer.kind).toBe('outbox');
		await mailer.send(passwordResetMail({ to: 'a@test.example', link: 'http://localhost:5171/aterstall-losenord/x' }));
		const [entry] = await listOutbox(dir);
		expect(entry).toMatchObject({ to: 'a@test.example', subject: 'Återställ ditt lösenord i Regionportalen' });
		expect(entry!.text).toContain('http://localhost:5171/aterstall-losenord/x');
	});

	it('is refused in production without SMTP, rather than dropped', () => {
		expect(() => createMailer({ NODE_ENV: 'production' })).toThrow(/SMTP/);
	});
});
