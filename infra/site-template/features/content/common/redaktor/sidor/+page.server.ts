// GENERATED_NOTICE
export { loadPageEditorList as load, pageEditorListActions as actions } from '@regionportalen/site-kit/content/server';
