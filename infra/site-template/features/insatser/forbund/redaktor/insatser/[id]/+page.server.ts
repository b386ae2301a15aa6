// GENERATED_NOTICE
export { loadInsatsEditorItem as load, insatsItemActions as actions } from '@regionportalen/site-kit/insatser/server';
