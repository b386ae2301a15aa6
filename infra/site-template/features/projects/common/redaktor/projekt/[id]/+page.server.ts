// GENERATED_NOTICE
export { loadProjectEditorItem as load, projectItemActions as actions } from '@regionportalen/site-kit/projects/server';
