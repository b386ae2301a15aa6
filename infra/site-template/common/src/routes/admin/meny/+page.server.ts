// GENERATED_NOTICE
export { loadMenuAdmin as load, menuAdminActions as actions } from '@regionportalen/site-kit/sites/server';
