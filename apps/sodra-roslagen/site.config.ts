import type { ForbundSiteConfig } from '@regionportalen/site-kit/core/server';

export default {
	kind: 'forbund',
	forbund: 'sodra-roslagen',
	region: 'stockholm',
	name: 'Samordningsförbundet Södra Roslagen',
	shortName: 'Södra Roslagen',
	description:
		'Samordningsförbundet för kommunerna i Roslagen. Förbundet har vuxit och har i dag fler medlemskommuner än när det bildades.',
	municipalities: ['Danderyd', 'Norrtälje', 'Täby', 'Vallentuna', 'Vaxholm', 'Österåker'],
	authorities: ['Region Stockholm', 'Försäkringskassan', 'Arbetsförmedlingen'],
	contact: {
		email: 'kansli@sodra-roslagen.demo.regionportalen.se',
		phone: '08-123 456 71'
	},
	origin: 'https://sodra-roslagen.example.se',
	port: 5173,
	showSharedNews: true
} satisfies ForbundSiteConfig;
