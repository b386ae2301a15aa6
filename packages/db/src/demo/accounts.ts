import type { BoardRole, Role } from '../schema.ts';

// Invented people, one per role, for development and the e2e tests only. Never created in
// production: seedDemo refuses to run when NODE_ENV is production.

export const DEMO_PASSWORD = 'portal-demo-2026';

export interface DemoAccount {
	email: string;
	name: string;
	roles: { role: Role; forbund?: string; region?: string; boardRole?: BoardRole }[];
	/**
	 * The TOTP key (base32) of a demo account whose roles require two-factor authentication: add it
	 * to an authenticator app to sign in. Known to everyone, like the demo password: development only.
	 */
	totpSecret?: string;
}

export const demoAccounts: DemoAccount[] = [
	{
		email: 'admin@demo.regionportalen.se',
		name: 'Alva Nordin',
		roles: [{ role: 'platform_admin' }],
		totpSecret: '6HW6XU7ZMLLQ7T3JIDGJP3BNIAFAA5OY'
	},
	{
		email: 'samordnare@demo.regionportalen.se',
		name: 'Nora Vik',
		roles: [{ role: 'coordinator', region: 'stockholm' }],
		totpSecret: 'CHLV5TVBKB2MFEDFTJ74UQ7EHDHQF7HA'
	},
	{
		email: 'fc.sus@demo.regionportalen.se',
		name: 'Karin Ek',
		roles: [
			{ role: 'forbund_admin', forbund: 'sus' },
			{ role: 'presidium', forbund: 'sus', boardRole: 'forbundschef' }
		],
		totpSecret: 'EJFR5VZN24HXRE6PXFPQ5BRT4R5SKZ5F'
	},
	{ email: 'redaktor.sus@demo.regionportalen.se', name: 'Sara Lind', roles: [{ role: 'editor', forbund: 'sus' }] },
	{
		email: 'asf.stockholm@demo.regionportalen.se',
		name: 'Rasmus Wennerberg',
		roles: [{ role: 'asf_coordinator', region: 'stockholm' }],
		totpSecret: 'K5MJHKWDFHPC3SJ6EC7CTJ2PZL3TFOAJ'
	},
	{
		email: 'insats.sus@demo.regionportalen.se',
		name: 'Petra Granlund',
		roles: [{ role: 'insats_staff', forbund: 'sus' }],
		totpSecret: 'BKWEL33UKSOFP6VB4ZFQSBHVBP262QCZ'
	},
	{
		email: 'katalog.sus@demo.regionportalen.se',
		name: 'Lina Åberg',
		roles: [{ role: 'catalogue_admin', forbund: 'sus' }]
	},
	{
		email: 'redaktor.ostra-sodertorn@demo.regionportalen.se',
		name: 'Amir Haddad',
		roles: [{ role: 'editor', forbund: 'ostra-sodertorn' }]
	},
	{
		email: 'fc.ostra-sodertorn@demo.regionportalen.se',
		name: 'Greta Sjöberg',
		roles: [{ role: 'forbund_admin', forbund: 'ostra-sodertorn' }],
		totpSecret: 'KLEICC3QI5ICYKBPSPHBG6R6TEWVLCCC'
	},
	{
		email: 'insats.arvika-eda@demo.regionportalen.se',
		name: 'Jonas Berglöf',
		roles: [{ role: 'insats_staff', forbund: 'arvika-eda' }],
		totpSecret: '6Z52OOMUQUARQBVUC4QN4ITTUJWLHW6U'
	},
	{
		email: 'redaktor.arvika-eda@demo.regionportalen.se',
		name: 'Johan Berglund',
		roles: [{ role: 'editor', forbund: 'arvika-eda' }]
	},
	{
		email: 'presidium.sus@demo.regionportalen.se',
		name: 'Erik Sundin',
		roles: [{ role: 'presidium', forbund: 'sus', boardRole: 'ordforande' }],
		totpSecret: 'A2MHLRWFV7JUYRT2KNRA4V6VQV6ROYER'
	},
	{
		email: 'presidium.roslagen@demo.regionportalen.se',
		name: 'Maria Holm',
		roles: [{ role: 'presidium', forbund: 'roslagen', boardRole: 'ordforande' }],
		totpSecret: 'PBSNFBSNLJVYKXOX3XARRIRZRZTTQCW3'
	},
	{
		email: 'presidium.stockholms-stad@demo.regionportalen.se',
		name: 'Henrik Lund',
		roles: [{ role: 'presidium', forbund: 'stockholms-stad', boardRole: 'ordforande' }],
		totpSecret: 'G6JXGCWGUCMXOW6P4O2B2WOPDJCEDWEQ'
	}
];

/** The demo TOTP key of an account, by e-mail (for the e-2-e sign-in); undefined when it has none. */
export function demoTotpSecret(email: string): string | undefined {
	return demoAccounts.find((a) => a.email === email.toLowerCase())?.totpSecret;
}
