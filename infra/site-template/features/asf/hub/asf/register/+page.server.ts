// GENERATED_NOTICE
export { loadRegister as load, registerActions as actions } from '@regionportalen/site-kit/asf/server';
