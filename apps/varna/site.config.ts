import type { ForbundSiteConfig } from '@regionportalen/site-kit/core/server';

export default {
	kind: 'forbund',
	forbund: 'varna',
	region: 'stockholm',
	name: 'Samordningsförbundet VärNa',
	shortName: 'VärNa',
	description: 'Samordnad rehabilitering för invånare i Värmdö och Nacka.',
	municipalities: ['Värmdö', 'Nacka'],
	authorities: ['Region Stockholm', 'Försäkringskassan', 'Arbetsförmedlingen'],
	contact: {
		email: 'kansli@varna.demo.regionportalen.se',
		phone: '08-123 456 77'
	},
	origin: 'https://varna.example.se',
	port: 5179,
	showSharedNews: true
} satisfies ForbundSiteConfig;
