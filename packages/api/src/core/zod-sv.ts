import { z } from 'zod';

// Validation messages in Swedish, for every schema in the API, as plain sentences a visitor can act
// on. zod's own Swedish locale names types and codes ("förväntat string, fick number"); these never
// do. A schema's own message (`z.string().min(2, 'Skriv minst 2 tecken.')`) still wins over these.

type Issue = z.core.$ZodRawIssue;

const UNITS: Record<string, [one: string, many: string]> = {
	string: ['tecken', 'tecken'],
	array: ['val', 'val'],
	set: ['val', 'val'],
	file: ['byte', 'byte']
};

const FORMATS: Record<string, string> = {
	email: 'Ange en giltig e-postadress.',
	url: 'Ange en giltig webbadress.',
	date: 'Ange ett datum som ÅÅÅÅ-MM-DD.',
	datetime: 'Ange en tidpunkt som ÅÅÅÅ-MM-DD TT:MM.',
	time: 'Ange en tid som TT:MM.',
	uuid: 'Värdet har fel form.',
	regex: 'Värdet har fel form.'
};

function sizeMessage(issue: Issue & { code: 'too_big' | 'too_small' }): string {
	const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
	const origin = String(issue.origin ?? '');
	const big = issue.code === 'too_big';
	const unit = UNITS[origin];
	if (unit) {
		if (!big && limit === 1 && origin === 'string') return 'Fältet får inte vara tomt.';
		if (!big && limit === 1) return 'Välj minst ett.';
		const word = limit === 1 ? unit[0] : unit[1];
		return big ? `Högst ${limit} ${word} är tillåtet.` : `Minst ${limit} ${word} behövs.`;
	}
	if (origin === 'date') return big ? 'Datumet är för sent.' : 'Datumet är för tidigt.';
	return big ? `Värdet får vara högst ${limit}.` : `Värdet måste vara minst ${limit}.`;
}

export function swedishMessage(issue: Issue): string {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined) return 'Uppgiften saknas.';
			if (issue.expected === 'int') return 'Ange ett heltal.';
			if (issue.expected === 'number') return 'Ange ett tal.';
			if (issue.expected === 'string') return 'Ange text.';
			if (issue.expected === 'boolean') return 'Ange ja eller nej.';
			if (issue.expected === 'date') return 'Ange ett giltigt datum.';
			return 'Uppgiften har fel form.';
		case 'too_big':
		case 'too_small':
			return sizeMessage(issue);
		case 'invalid_format':
			return FORMATS[issue.format] ?? 'Värdet har fel form.';
		case 'invalid_value':
			return 'Välj ett av de tillåtna värdena.';
		case 'not_multiple_of':
			return `Värdet måste vara en multipel av ${String(issue.divisor)}.`;
		case 'unrecognized_keys':
			return 'Förfrågan innehåller uppgifter som inte hör hit.';
		case 'invalid_union':
			return 'Uppgiften har fel form.';
		case 'invalid_key':
		case 'invalid_element':
			return 'Ett av värdena har fel form.';
		default:
			return 'Uppgiften är inte giltig.';
	}
}

z.config({ customError: swedishMessage });
