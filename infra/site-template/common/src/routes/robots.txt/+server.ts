// GENERATED_NOTICE
export { robots as GET } from '@regionportalen/site-kit/server/routes/sitemap';
