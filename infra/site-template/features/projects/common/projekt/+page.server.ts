// GENERATED_NOTICE
export { loadProjectList as load } from '@regionportalen/site-kit/projects/server';
