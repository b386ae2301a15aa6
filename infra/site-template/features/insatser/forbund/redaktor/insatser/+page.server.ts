// GENERATED_NOTICE
export { loadInsatsEditorList as load } from '@regionportalen/site-kit/insatser/server';
