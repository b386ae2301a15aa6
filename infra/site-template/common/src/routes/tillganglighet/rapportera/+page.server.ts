// GENERATED_NOTICE
export { loadReportForm as load, reportActions as actions } from '@regionportalen/site-kit/accessibility/server';
