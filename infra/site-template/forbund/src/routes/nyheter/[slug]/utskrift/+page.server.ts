// GENERATED_NOTICE
export { loadArticlePrint as load } from '@regionportalen/site-kit/server/routes/archive';
