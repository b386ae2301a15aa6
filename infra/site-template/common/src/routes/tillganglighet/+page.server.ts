// GENERATED_NOTICE
export { loadStatementPage as load } from '@regionportalen/site-kit/accessibility/server';
