import type { ForbundSiteConfig } from '@regionportalen/site-kit/core/server';

export default {
	kind: 'forbund',
	forbund: 'stockholms-stad',
	region: 'stockholm',
	name: 'Samordningsförbundet Stockholms stad',
	shortName: 'Stockholms stad',
	description: 'Finansierar samverkansinsatser för stockholmare som behöver stöd från flera myndigheter.',
	municipalities: ['Stockholm'],
	authorities: ['Region Stockholm', 'Försäkringskassan', 'Arbetsförmedlingen'],
	contact: {
		email: 'kansli@stockholms-stad.demo.regionportalen.se',
		phone: '08-123 456 72'
	},
	origin: 'https://stockholms-stad.example.se',
	port: 5174,
	showSharedNews: true
} satisfies ForbundSiteConfig;
