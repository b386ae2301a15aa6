// GENERATED_NOTICE
export { regionLayout as load } from '@regionportalen/site-kit/core/server';
