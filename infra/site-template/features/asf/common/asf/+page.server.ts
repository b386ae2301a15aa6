// GENERATED_NOTICE
export { loadDirectory as load } from '@regionportalen/site-kit/asf/server';
