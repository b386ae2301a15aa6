// GENERATED_NOTICE
export { loadTag as load } from '@regionportalen/site-kit/news/server';
