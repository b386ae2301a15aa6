// GENERATED_NOTICE
export { loadArchiveYear as load } from '@regionportalen/site-kit/news/server';
