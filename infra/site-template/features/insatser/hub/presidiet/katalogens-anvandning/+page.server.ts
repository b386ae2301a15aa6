// GENERATED_NOTICE
export { loadUsage as load } from '@regionportalen/site-kit/insatser/server';
