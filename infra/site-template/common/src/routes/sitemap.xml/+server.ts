// GENERATED_NOTICE
export { sitemap as GET } from '@regionportalen/site-kit/core/server';
