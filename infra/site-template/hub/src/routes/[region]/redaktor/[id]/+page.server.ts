// GENERATED_NOTICE
export { loadEditorItem as load, editorItemActions as actions } from '@regionportalen/site-kit/server/routes/editor';
