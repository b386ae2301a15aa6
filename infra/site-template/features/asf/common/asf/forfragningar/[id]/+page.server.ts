// GENERATED_NOTICE
export { loadRequest as load, requestActions as actions } from '@regionportalen/site-kit/asf/server';
