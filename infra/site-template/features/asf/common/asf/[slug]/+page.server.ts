// GENERATED_NOTICE
export { loadEnterprise as load } from '@regionportalen/site-kit/asf/server';
