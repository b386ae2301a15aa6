// GENERATED_NOTICE
export { loadInsatsAdmin as load, insatsAdminActions as actions } from '@regionportalen/site-kit/insatser/server';
