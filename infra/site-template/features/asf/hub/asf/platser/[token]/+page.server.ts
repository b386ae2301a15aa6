// GENERATED_NOTICE
export { loadLinkPage as load, linkActions as actions } from '@regionportalen/site-kit/asf/server';
