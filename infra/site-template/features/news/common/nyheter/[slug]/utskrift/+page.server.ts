// GENERATED_NOTICE
export { loadArticlePrint as load } from '@regionportalen/site-kit/news/server';
