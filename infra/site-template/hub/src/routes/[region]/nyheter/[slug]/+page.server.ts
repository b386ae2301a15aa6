// GENERATED_NOTICE
export { loadArticle as load } from '@regionportalen/site-kit/server/routes/news';
