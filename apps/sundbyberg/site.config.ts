import type { ForbundSiteConfig } from '@regionportalen/site-kit/core/server';

export default {
	kind: 'forbund',
	forbund: 'sundbyberg',
	region: 'stockholm',
	name: 'Samordningsförbundet Sundbyberg',
	shortName: 'Sundbyberg',
	description: 'Samverkan för invånare i Sundbyberg som står långt från arbetsmarknaden.',
	municipalities: ['Sundbyberg'],
	authorities: ['Region Stockholm', 'Försäkringskassan', 'Arbetsförmedlingen'],
	contact: {
		email: 'kansli@sundbyberg.demo.regionportalen.se',
		phone: '08-123 456 75'
	},
	origin: 'https://sundbyberg.example.se',
	port: 5177,
	showSharedNews: true
} satisfies ForbundSiteConfig;
