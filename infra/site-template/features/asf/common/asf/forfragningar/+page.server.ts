// GENERATED_NOTICE
export { loadRequests as load } from '@regionportalen/site-kit/asf/server';
