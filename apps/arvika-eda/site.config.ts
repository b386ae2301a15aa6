import type { ForbundSiteConfig } from '@regionportalen/site-kit/core/server';

export default {
	kind: 'forbund',
	forbund: 'arvika-eda',
	region: 'varmland-dalsland',
	name: 'Arvika-Eda samordningsförbund',
	shortName: 'Arvika-Eda',
	description: 'Samordningsförbundet för Arvika och Eda kommuner.',
	municipalities: ['Arvika', 'Eda'],
	authorities: ['Region Värmland', 'Försäkringskassan', 'Arbetsförmedlingen'],
	contact: { email: 'kansli@arvika-eda.demo.regionportalen.se', phone: null },
	origin: 'https://arvika-eda.example.se',
	port: 5172,
	// The only förbund of its region in the demo: no regional presidium to meet in.
	features: ['news', 'search', 'content', 'insatser', 'documents', 'asf'],
	showSharedNews: true
} satisfies ForbundSiteConfig;
