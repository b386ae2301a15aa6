import type { OutgoingMail } from './index.ts';

// The portal's mails, in Swedish, as plain text: links stand on a line of their own, so every mail
// program shows them whole.

const SIGNATURE = '\n\n-- \nRegionportalen\nDet här är ett automatiskt meddelande; svar läses inte.';

export function invitationMail(p: { to: string; inviter: string; role: string; link: string }): OutgoingMail {
	return {
		to: p.to,
		subject: 'Inbjudan till Regionportalen',
		text:
			`Hej!\n\n${p.inviter} har bjudit in dig till Regionportalen som ${p.role}.\n\n` +
			`Välj ditt namn och ett lösenord via länken nedan. Länken gäller i 7 dagar och kan användas en gång.\n\n` +
			`${p.link}\n\nVäntade du dig inte den här inbjudan kan du bortse från mejlet.` +
			SIGNATURE
	};
}

export function roleGrantedMail(p: { to: string; inviter: string; role: string; link: string }): OutgoingMail {
	return {
		to: p.to,
		subject: 'Ny behörighet i Regionportalen',
		text:
			`Hej!\n\n${p.inviter} har gett dig behörigheten ${p.role} i Regionportalen.\n\nLogga in här:\n\n${p.link}` +
			SIGNATURE
	};
}

export function passwordResetMail(p: { to: string; link: string }): OutgoingMail {
	return {
		to: p.to,
		subject: 'Återställ ditt lösenord i Regionportalen',
		text:
			`Hej!\n\nNågon (förhoppningsvis du) bad om att få återställa lösenordet till ditt konto.\n\n` +
			`Välj ett nytt lösenord via länken nedan. Länken gäller i en timme och kan användas en gång.\n\n` +
			`${p.link}\n\nBad du inte om det här kan du bortse från mejlet; ditt lösenord är oförändrat.` +
			SIGNATURE
	};
}
