// The accessibility statement and the reports: the public pages' loads, the report form's action,
// and the admin pages' loads and actions.
export { loadReportsAdmin, loadStatementAdmin, reportsAdminActions, statementAdminActions } from './admin.ts';
export type { ReportsAdminData, StatementAdminData } from './admin.ts';
export { loadReportForm, reportActions, type ReportFormData } from './report.ts';
export { loadStatementPage, type StatementPageData } from './statement.ts';
export type { FieldErrors } from '../../core/server/index.ts';
export type { GapRow, StatementFormValues } from './statement-form.ts';
