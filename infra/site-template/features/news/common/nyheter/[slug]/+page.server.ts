// GENERATED_NOTICE
export { loadArticlePage as load } from '@regionportalen/site-kit/news/server';
