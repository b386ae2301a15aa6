// GENERATED_NOTICE
export { loadRegion as load } from '@regionportalen/site-kit/sites/server';
