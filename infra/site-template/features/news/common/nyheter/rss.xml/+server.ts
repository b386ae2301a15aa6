// GENERATED_NOTICE
export { rss as GET } from '@regionportalen/site-kit/news/server';
