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

/** To the new address: the link that makes it the account's address. */
export function emailConfirmMail(p: { to: string; link: string }): OutgoingMail {
	return {
		to: p.to,
		subject: 'Bekräfta din nya e-postadress i Regionportalen',
		text:
			`Hej!\n\nDu har bett om att få använda den här adressen för ditt konto i Regionportalen.\n\n` +
			`Bekräfta den via länken nedan. Länken gäller i ett dygn och kan användas en gång; ` +
			`tills dess loggar du in med din gamla adress.\n\n${p.link}\n\n` +
			`Bad du inte om det här kan du bortse från mejlet.` +
			SIGNATURE
	};
}

/** To the old address: a change was asked for, or is done, so a stranger's change does not go unnoticed. */
export function emailChangeNoticeMail(p: { to: string; newEmail: string; done: boolean }): OutgoingMail {
	return {
		to: p.to,
		subject: p.done ? 'Din e-postadress i Regionportalen är bytt' : 'Byte av e-postadress i Regionportalen',
		text:
			(p.done
				? `Hej!\n\nE-postadressen för ditt konto i Regionportalen är nu ${p.newEmail}. Logga in med den från och med nu.\n\n`
				: `Hej!\n\nNågon (förhoppningsvis du) har bett om att byta e-postadressen för ditt konto i Regionportalen till ${p.newEmail}. ` +
					`Adressen byts när en länk som skickats dit har följts.\n\n`) +
			`Var det inte du? Byt lösenord direkt via ”Glömt lösenord?” på inloggningssidan och kontakta ` +
			`administratören för ditt förbund.` +
			SIGNATURE
	};
}

/**
 * To the site's contact address (or its admins): a visitor's report of an accessibility problem.
 * Sent only there, never to an address typed into the form.
 */
export function accessibilityReportMail(p: {
	to: string;
	site: string;
	pageUrl: string;
	description: string;
	name: string;
	email: string;
	link: string;
}): OutgoingMail {
	const reply = p.email
		? `Personen vill ha svar på ${p.email}${p.name ? ` (${p.name})` : ''}.`
		: p.name
			? `Personen angav namnet ${p.name} men ingen e-postadress.`
			: 'Personen lämnade inga kontaktuppgifter.';
	return {
		to: p.to,
		subject: `Brist i tillgänglighet rapporterad: ${p.site}`,
		text:
			`Hej!\n\nNågon har rapporterat en brist i tillgängligheten på ${p.site}.\n\n` +
			`Sida: ${p.pageUrl || '(inte angiven)'}\n\nProblemet:\n${p.description}\n\n${reply}\n\n` +
			`Enligt lagen om tillgänglighet till digital offentlig service ska ni svara inom skälig tid. ` +
			`Rapporten, med status och anteckningar, finns här:\n\n${p.link}` +
			SIGNATURE
	};
}

/** To a förbund's approvers: an editor submitted an insats for review. */
export function insatsSubmittedMail(p: { to: string; insats: string; forbund: string; author: string; link: string }) {
	return {
		to: p.to,
		subject: `Insats att granska: ${p.insats}`,
		text:
			`Hej!\n\n${p.author} har skickat insatsen ”${p.insats}” (${p.forbund}) för granskning inför ` +
			`publicering i insatskatalogen.\n\nGranska, godkänn eller skicka tillbaka den med en kommentar här:\n\n` +
			`${p.link}` +
			SIGNATURE
	} satisfies OutgoingMail;
}

/** To the owner's admins: a joint project waits for their approval before it is published everywhere. */
export function projectSubmittedMail(p: {
	to: string;
	project: string;
	forbund: string;
	author: string;
	link: string;
}) {
	return {
		to: p.to,
		subject: `Projekt att godkänna: ${p.project}`,
		text:
			`Hej!\n\n${p.author} har skickat samverkansprojektet ”${p.project}” (${p.forbund}) för godkännande. ` +
			`När du godkänner det publiceras det på regionens webbplats och på alla partners webbplatser.\n\n` +
			`Godkänn eller skicka tillbaka det med en kommentar här:\n\n${p.link}` +
			SIGNATURE
	} satisfies OutgoingMail;
}

/** To a förbund's approvers, once a month: published insatser nobody has reviewed for 12 months. */
export function insatsReviewDueMail(p: { to: string; forbund: string; insatser: string[]; link: string }) {
	return {
		to: p.to,
		subject: `${p.insatser.length} insatser behöver granskas: ${p.forbund}`,
		text:
			`Hej!\n\nDe här publicerade insatserna för ${p.forbund} har inte granskats på 12 månader:\n\n` +
			p.insatser.map((name) => `- ${name}`).join('\n') +
			`\n\nSe över att uppgifterna stämmer och markera dem som granskade här:\n\n${p.link}` +
			SIGNATURE
	} satisfies OutgoingMail;
}

/** The monthly mail to a social enterprise with the link where it reports its free places. */
export function asfPlacesLinkMail(p: { to: string; enterprise: string; link: string }) {
	return {
		to: p.to,
		subject: `Hur många platser är lediga hos ${p.enterprise}?`,
		text:
			`Hej!\n\nAnge hur många arbetsträningsplatser och andra platser ${p.enterprise} har lediga just nu, ` +
			`så att förbundens personal vet var det finns plats. Öppna länken, skriv antalen och spara. ` +
			`Har inget ändrats sedan sist räcker det att trycka på "Ingen ändring".\n\n${p.link}\n\n` +
			`Spara länken: den fungerar tills regionens ASF-samordnare byter ut den. Dela den inte med andra.` +
			SIGNATURE
	} satisfies OutgoingMail;
}

/** To the region's ASF-samordnare: a förbund asks for a place (what is asked, never who for). */
export function asfRequestNewMail(p: { to: string; number: number; forbund: string; kind: string; link: string }) {
	return {
		to: p.to,
		subject: `Ny förfrågan om plats (nr ${p.number}) från ${p.forbund}`,
		text:
			`Hej!\n\n${p.forbund} frågar efter en plats: ${p.kind}. Läs förfrågan och föreslå ett företag:\n\n${p.link}` +
			SIGNATURE
	} satisfies OutgoingMail;
}

/** To the person who asked for a place: the ASF-samordnare recorded a step of the request. */
export function asfRequestStepMail(p: {
	to: string;
	number: number;
	step: string;
	enterprise: string | null;
	when: string;
	link: string;
}) {
	const at = p.enterprise ? ` hos ${p.enterprise}` : '';
	return {
		to: p.to,
		subject: `Din förfrågan om plats (nr ${p.number}): ${p.step.toLowerCase()}`,
		text:
			`Hej!\n\nRegionens ASF-samordnare har fört in ett nytt steg i din förfrågan om plats: ` +
			`${p.step}${at}, ${p.when}. Se hela förloppet här:\n\n${p.link}` +
			SIGNATURE
	} satisfies OutgoingMail;
}

/** The daily watch: a social enterprise's certification ends within `days` days. */
export function asfCertificationEndingMail(p: {
	to: string;
	enterprise: string;
	endsOn: string;
	days: number;
	link: string;
}) {
	return {
		to: p.to,
		subject: `Certifieringen går ut inom ${p.days} dagar: ${p.enterprise}`,
		text:
			`Hej!\n\n${p.enterprise}s certifiering från Skoopi gäller till ${p.endsOn}, alltså mindre än ${p.days} dagar till. ` +
			`Påminn gärna företaget om att förnya den, och för in det nya datumet i ASF-registret när den är förnyad:\n\n${p.link}` +
			SIGNATURE
	} satisfies OutgoingMail;
}

/** The daily watch: an active ASF agreement ends within `days` days (extend it, procure anew, or let it end). */
export function asfAgreementEndingMail(p: {
	to: string;
	agreement: string;
	enterprise: string;
	endsOn: string;
	days: number;
	link: string;
}) {
	return {
		to: p.to,
		subject: `Avtalet går ut inom ${p.days} dagar: ${p.agreement} (${p.enterprise})`,
		text:
			`Hej!\n\nAvtalet ”${p.agreement}” med ${p.enterprise} gäller till ${p.endsOn}, alltså mindre än ${p.days} dagar till. ` +
			`Bestäm i god tid om det ska förlängas, upphandlas på nytt eller få löpa ut, och för in beslutet i avtalet:\n\n${p.link}` +
			SIGNATURE
	} satisfies OutgoingMail;
}
