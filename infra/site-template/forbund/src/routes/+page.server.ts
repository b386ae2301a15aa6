// GENERATED_NOTICE
export { loadForbundStart as load } from '@regionportalen/site-kit/sites/server';
