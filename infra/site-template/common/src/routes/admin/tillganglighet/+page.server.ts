// GENERATED_NOTICE
export {
	loadStatementAdmin as load,
	statementAdminActions as actions
} from '@regionportalen/site-kit/accessibility/server';
