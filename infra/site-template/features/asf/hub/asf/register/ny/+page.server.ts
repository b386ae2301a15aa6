// GENERATED_NOTICE
export { loadRegisterNew as load, registerNewActions as actions } from '@regionportalen/site-kit/asf/server';
