// GENERATED_NOTICE
export { loadProjectPage as load } from '@regionportalen/site-kit/projects/server';
