// /.well-known/security.txt (RFC 9116) on every site: where to report a vulnerability.
import type { RequestHandler } from '@sveltejs/kit';

export const defaultSecurityContact = 'mailto:sakerhet@regionportalen.se';

/** RFC 9116 asks for an Expires less than a year ahead; half a year, from midnight UTC so it is stable for a day. */
const validDays = 180;

export function securityTxt(origin: string, now: Date, contact = defaultSecurityContact): string {
	const expires = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + validDays));
	return [
		`Contact: ${contact}`,
		`Expires: ${expires.toISOString()}`,
		'Preferred-Languages: sv, en',
		`Canonical: ${origin}/.well-known/security.txt`,
		''
	].join('\n');
}

export const securityTxtRoute: RequestHandler = ({ locals }) =>
	new Response(securityTxt(locals.origin, new Date(), process.env.SECURITY_CONTACT || defaultSecurityContact), {
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' }
	});
