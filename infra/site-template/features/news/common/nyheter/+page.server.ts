// GENERATED_NOTICE
export { loadNewsList as load } from '@regionportalen/site-kit/news/server';
