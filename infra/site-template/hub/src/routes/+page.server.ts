// GENERATED_NOTICE
export { loadHubStart as load } from '@regionportalen/site-kit/sites/server';
