// GENERATED_NOTICE
export { loadPlaceOverview as load } from '@regionportalen/site-kit/asf/server';
