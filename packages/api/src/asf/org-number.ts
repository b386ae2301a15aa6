import { z } from 'zod';

// A Swedish organisation number (organisationsnummer): ten digits NNNNNN-NNNN, or the twelve-digit
// form with the century prefix 16 that some registers use. The last digit is a Luhn check digit over
// the first nine, and the third digit is at least 2: a personnummer's third digit starts its month
// (0 or 1), so the number of a sole trader, which is a person's, is refused. The database checks the
// same (asf_org_number_valid, migration 0027); this says what is wrong in Swedish.

/** Whether the ten digits end in their Luhn check digit. */
export function luhnValid(digits: string): boolean {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
		if (d > 9) d -= 9;
		sum += d;
	}
	return sum % 10 === 0;
}

export type OrgNumberResult = { ok: true; value: string } | { ok: false; message: string };

/** The number as NNNNNN-NNNN, or why it is not an organisation number. */
export function parseOrgNumber(input: string): OrgNumberResult {
	const compact = input.replace(/[\s-]/g, '');
	if (!/^\d+$/.test(compact) || (compact.length !== 10 && compact.length !== 12)) {
		return { ok: false, message: 'Skriv organisationsnumret med tio siffror, till exempel 802481-1658.' };
	}
	if (compact.length === 12 && !compact.startsWith('16')) {
		// 19… or 20… is a birth year: a personnummer in its long form.
		return {
			ok: false,
			message: 'Det ser ut som ett personnummer. Ange företagets organisationsnummer, inte en persons.'
		};
	}
	const ten = compact.slice(-10);
	if (Number(ten[2]) < 2) {
		return {
			ok: false,
			message:
				'Det ser ut som ett personnummer (tredje siffran är 0 eller 1). Enskilda firmor har ägarens personnummer ' +
				'och kan inte registreras här: ange ett organisationsnummer.'
		};
	}
	if (!luhnValid(ten)) {
		return { ok: false, message: 'Organisationsnumret stämmer inte: kontrollsiffran är fel. Kontrollera siffrorna.' };
	}
	return { ok: true, value: `${ten.slice(0, 6)}-${ten.slice(6)}` };
}

export const orgNumberSchema = z
	.string('Ange organisationsnumret.')
	.trim()
	.transform((input, ctx) => {
		const result = parseOrgNumber(input);
		if (result.ok) return result.value;
		ctx.addIssue({ code: 'custom', message: result.message });
		return z.NEVER;
	});
