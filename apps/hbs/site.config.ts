import type { ForbundSiteConfig } from '@regionportalen/site-kit/core/server';

export default {
	kind: 'forbund',
	forbund: 'hbs',
	region: 'stockholm',
	name: 'Samordningsförbundet Huddinge Botkyrka Salem',
	shortName: 'HBS',
	description: 'Samordningsförbundet för Huddinge, Botkyrka och Salem.',
	municipalities: ['Huddinge', 'Botkyrka', 'Salem'],
	authorities: ['Region Stockholm', 'Försäkringskassan', 'Arbetsförmedlingen'],
	contact: {
		email: 'kansli@hbs.demo.regionportalen.se',
		phone: '08-123 456 74'
	},
	origin: 'https://hbs.example.se',
	port: 5176,
	showSharedNews: true
} satisfies ForbundSiteConfig;
