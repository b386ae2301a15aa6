// GENERATED_NOTICE
export { loadSearch as load } from '@regionportalen/site-kit/server/routes/search';
