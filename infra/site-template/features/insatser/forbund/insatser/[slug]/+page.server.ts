// GENERATED_NOTICE
export { loadInsatsPage as load } from '@regionportalen/site-kit/insatser/server';
