import type { BoardRole, Role } from '../schema.ts';

// Invented people, one per role, for development and the e2e tests only. Never created in
// production: seedDemo refuses to run when NODE_ENV is production.

export const DEMO_PASSWORD = 'portal-demo-2026';

export interface DemoAccount {
	email: string;
	name: string;
	roles: { role: Role; forbund?: string; region?: string; boardRole?: BoardRole }[];
}

export const demoAccounts: DemoAccount[] = [
	{ email: 'admin@demo.regionportalen.se', name: 'Alva Nordin', roles: [{ role: 'platform_admin' }] },
	{
		email: 'samordnare@demo.regionportalen.se',
		name: 'Nora Vik',
		roles: [{ role: 'coordinator', region: 'stockholm' }]
	},
	{
		email: 'fc.sus@demo.regionportalen.se',
		name: 'Karin Ek',
		roles: [
			{ role: 'forbund_admin', forbund: 'sus' },
			{ role: 'presidium', forbund: 'sus', boardRole: 'forbundschef' }
		]
	},
	{ email: 'redaktor.sus@demo.regionportalen.se', name: 'Sara Lind', roles: [{ role: 'editor', forbund: 'sus' }] },
	{
		email: 'redaktor.arvika-eda@demo.regionportalen.se',
		name: 'Johan Berglund',
		roles: [{ role: 'editor', forbund: 'arvika-eda' }]
	},
	{
		email: 'presidium.sus@demo.regionportalen.se',
		name: 'Erik Sundin',
		roles: [{ role: 'presidium', forbund: 'sus', boardRole: 'ordforande' }]
	},
	{
		email: 'presidium.sodra-roslagen@demo.regionportalen.se',
		name: 'Maria Holm',
		roles: [{ role: 'presidium', forbund: 'sodra-roslagen', boardRole: 'ordforande' }]
	},
	{
		email: 'presidium.stockholms-stad@demo.regionportalen.se',
		name: 'Henrik Lund',
		roles: [{ role: 'presidium', forbund: 'stockholms-stad', boardRole: 'ordforande' }]
	}
];
