// GENERATED_NOTICE
export { loadRegisterItem as load, registerItemActions as actions } from '@regionportalen/site-kit/asf/server';
