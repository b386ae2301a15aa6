// GENERATED_NOTICE
export { loadProjectEditorList as load } from '@regionportalen/site-kit/projects/server';
