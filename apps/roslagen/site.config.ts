import type { ForbundSiteConfig } from '@regionportalen/site-kit/core/server';

export default {
	kind: 'forbund',
	forbund: 'roslagen',
	region: 'stockholm',
	name: 'Samordningsförbundet Roslagen',
	shortName: 'Roslagen',
	description:
		'Samordningsförbundet för kommunerna i Roslagen, tidigare Södra Roslagen. Förbundet har vuxit och har i dag fler medlemskommuner än när det bildades.',
	municipalities: ['Danderyd', 'Norrtälje', 'Täby', 'Vallentuna', 'Vaxholm', 'Österåker'],
	authorities: ['Region Stockholm', 'Försäkringskassan', 'Arbetsförmedlingen'],
	contact: {
		email: 'kansli@roslagen.demo.regionportalen.se',
		phone: '08-123 456 71'
	},
	origin: 'https://roslagen.example.se',
	port: 5173,
	showSharedNews: true
} satisfies ForbundSiteConfig;
