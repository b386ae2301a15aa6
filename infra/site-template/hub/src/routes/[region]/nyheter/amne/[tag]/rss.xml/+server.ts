// GENERATED_NOTICE
export { rss as GET } from '@regionportalen/site-kit/server/routes/feeds';
