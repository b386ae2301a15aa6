// GENERATED_NOTICE
export {
	loadReportsAdmin as load,
	reportsAdminActions as actions
} from '@regionportalen/site-kit/accessibility/server';
