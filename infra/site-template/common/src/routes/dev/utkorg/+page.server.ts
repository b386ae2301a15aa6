// GENERATED_NOTICE
export { loadOutbox as load } from '@regionportalen/site-kit/server/routes/dev';
