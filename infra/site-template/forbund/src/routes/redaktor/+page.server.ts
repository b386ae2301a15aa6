// GENERATED_NOTICE
export { loadEditorList as load, editorListActions as actions } from '@regionportalen/site-kit/server/routes/editor';
