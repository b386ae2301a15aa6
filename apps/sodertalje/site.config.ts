import type { ForbundSiteConfig } from '@regionportalen/site-kit/core/server';

export default {
	kind: 'forbund',
	forbund: 'sodertalje',
	region: 'stockholm',
	name: 'Samordningsförbundet Södertälje',
	shortName: 'Södertälje',
	description: 'Samordnad rehabilitering för invånare i Södertälje och Nykvarn.',
	municipalities: ['Södertälje', 'Nykvarn'],
	authorities: ['Region Stockholm', 'Försäkringskassan', 'Arbetsförmedlingen'],
	contact: {
		email: 'kansli@sodertalje.demo.regionportalen.se',
		phone: '08-123 456 73'
	},
	origin: 'https://sodertalje.example.se',
	port: 5175,
	showSharedNews: true
} satisfies ForbundSiteConfig;
