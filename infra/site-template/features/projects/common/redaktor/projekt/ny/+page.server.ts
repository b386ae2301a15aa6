// GENERATED_NOTICE
export { loadProjectNew as load, projectNewActions as actions } from '@regionportalen/site-kit/projects/server';
