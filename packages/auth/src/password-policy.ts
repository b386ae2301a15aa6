import { COMMON_PASSWORDS } from './common-passwords.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.ts';

// Length and a bundled list of common passwords (NIST SP 800-63B's advice): no composition rules,
// no network look-up. The list becomes a set once per process.

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
	common ??= new Set(
		COMMON_PASSWORDS.split('\n')
			.map((line) => line.trim().toLowerCase())
			.filter((line) => line && !line.startsWith('#'))
	);
	return common;
}

/** Why a new password is refused, in Swedish, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) return `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`;
	if (length > PASSWORD_MAX_LENGTH) return `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.`;
	const lower = password.toLowerCase();
	if (commonPasswords().has(lower)) {
		return 'Lösenordet är för vanligt och gissas lätt. Välj ett annat, gärna en mening med flera ord.';
	}
	const local = context.email?.split('@')[0]?.toLowerCase();
	if (local && local.length >= 4 && lower.includes(local)) return 'Lösenordet får inte innehålla din e-postadress.';
	return null;
}
