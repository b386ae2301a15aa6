// GENERATED_NOTICE
export { loadArchiveYears as load } from '@regionportalen/site-kit/news/server';
