// GENERATED_NOTICE
export { loadNewsList as load } from '@regionportalen/site-kit/server/routes/news';
