// GENERATED_NOTICE
export { loadInsatsAdmin as load } from '@regionportalen/site-kit/insatser/server';
