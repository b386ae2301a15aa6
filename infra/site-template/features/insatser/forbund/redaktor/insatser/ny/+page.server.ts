// GENERATED_NOTICE
export { loadInsatsNew as load, insatsNewActions as actions } from '@regionportalen/site-kit/insatser/server';
