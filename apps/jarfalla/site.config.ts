import type { ForbundSiteConfig } from '@regionportalen/site-kit/core/server';

export default {
	kind: 'forbund',
	forbund: 'jarfalla',
	region: 'stockholm',
	name: 'Samordningsförbundet Järfälla',
	shortName: 'Järfälla',
	description: 'Samordnad rehabilitering för invånare i Järfälla.',
	municipalities: ['Järfälla'],
	authorities: ['Region Stockholm', 'Försäkringskassan', 'Arbetsförmedlingen'],
	contact: {
		email: 'kansli@jarfalla.demo.regionportalen.se',
		phone: '08-123 456 77'
	},
	origin: 'https://jarfalla.example.se',
	port: 5179,
	showSharedNews: true
} satisfies ForbundSiteConfig;
