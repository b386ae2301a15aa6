import type { ForbundSiteConfig } from '@regionportalen/site-kit/core/server';

export default {
	kind: 'forbund',
	forbund: 'ostra-sodertorn',
	region: 'stockholm',
	name: 'Samordningsförbundet Östra Södertörn',
	shortName: 'Östra Södertörn',
	description: 'Samordningsförbundet för Haninge, Nynäshamn och Tyresö, och projektägare för ESF-projektet MIA.',
	municipalities: ['Haninge', 'Nynäshamn', 'Tyresö'],
	authorities: ['Region Stockholm', 'Försäkringskassan', 'Arbetsförmedlingen'],
	contact: {
		email: 'kansli@ostra-sodertorn.demo.regionportalen.se',
		phone: '08-123 456 76'
	},
	origin: 'https://ostra-sodertorn.example.se',
	port: 5178,
	showSharedNews: true
} satisfies ForbundSiteConfig;
