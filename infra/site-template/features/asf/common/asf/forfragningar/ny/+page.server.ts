// GENERATED_NOTICE
export { loadRequestNew as load, requestNewActions as actions } from '@regionportalen/site-kit/asf/server';
