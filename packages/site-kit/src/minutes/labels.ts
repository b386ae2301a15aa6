// The presidium room's words, in Swedish: roles, kinds of agenda items and decisions, statuses.

export const ATTENDEE_ROLE_LABELS: Record<string, string> = {
	ordforande: 'ordförande',
	vice_ordforande: 'vice ordförande',
	ledamot: 'ledamot',
	ersattare: 'ersättare',
	forbundschef: 'förbundschef',
	other: 'annan roll'
};

export const AGENDA_KIND_LABELS: Record<string, string> = {
	forbund_information: 'Information från ett förbund',
	joint_service: 'Gemensam insats eller tjänst',
	project: 'Gemensamt projekt',
	follow_up: 'Uppföljning',
	other: 'Övrigt'
};

export const ACTION_KIND_LABELS: Record<string, string> = { decision: 'Beslut', follow_up: 'Uppföljning' };

export const MINUTES_STATUS_LABELS: Record<string, string> = {
	draft: 'Utkast',
	approved: 'Justerat, ej publicerat',
	published: 'Publicerat för presidierna'
};

/** "ordförande", "tf. förbundschef", or the free title of someone with another role. */
export function attendeeRole(a: { role: string; title: string }): string {
	if (a.role === 'other') return a.title;
	return [a.title, ATTENDEE_ROLE_LABELS[a.role] ?? a.role].filter(Boolean).join(' ');
}

const time = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' });
const day = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'full', timeZone: 'Europe/Stockholm' });

/** "tisdag 12 november 2019 kl. 16.00–18.00" */
export function meetingTime(start: Date, end: Date | null): string {
	const t = (d: Date) => time.format(d).replace(':', '.');
	return `${day.format(start)} kl. ${t(start)}${end ? `–${t(end)}` : ''}`;
}
