// GENERATED_NOTICE
export { loadContentPage as load } from '@regionportalen/site-kit/content/server';
