import type { ForbundSiteConfig } from '@regionportalen/site-kit/core/server';

export default {
	kind: 'forbund',
	forbund: 'sus',
	region: 'stockholm',
	name: 'Samordningsförbundet Sollentuna, Upplands Väsby och Sigtuna',
	shortName: 'SUS',
	description: 'Finansierar samordnad rehabilitering för invånare i Sollentuna, Upplands Väsby och Sigtuna.',
	municipalities: ['Sollentuna', 'Upplands Väsby', 'Sigtuna'],
	authorities: ['Region Stockholm', 'Försäkringskassan', 'Arbetsförmedlingen'],
	contact: { email: 'kansli@sus.demo.regionportalen.se', phone: '08-123 456 70' },
	origin: 'https://sus.example.se',
	port: 5171,
	showSharedNews: true
} satisfies ForbundSiteConfig;
