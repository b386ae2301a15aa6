import type { HubSiteConfig } from '@regionportalen/site-kit/core/server';

export default {
	kind: 'hub',
	regions: ['stockholm', 'varmland-dalsland'],
	origin: 'https://regionportalen.example.se',
	port: 5170
} satisfies HubSiteConfig;
