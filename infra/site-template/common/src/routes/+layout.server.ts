// GENERATED_NOTICE
export { loadLayout as load } from '@regionportalen/site-kit/server/routes/layout';
