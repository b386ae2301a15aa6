// Accounts on the server: logging in and out, two-factor, the account page, password recovery,
// invitations and e-mail confirmation, and the administration of people and the audit log.
export { accountActions, loadAccount, type AccountData } from './account.ts';
export { loadAuditLog, loadPeople, peopleActions, type AuditLogData, type PeopleData } from './admin.ts';
export {
	enrolActions,
	loadEnrol,
	loadLogin,
	loadLogout,
	loadTwoFactor,
	loginActions,
	logoutActions,
	twoFactorActions,
	type EnrolData,
	type LoginData
} from './auth.ts';
export {
	confirmEmailActions,
	forgotPasswordActions,
	invitationActions,
	loadConfirmEmail,
	loadInvitation,
	loadResetPassword,
	resetPasswordActions,
	type ConfirmEmailData
} from './recovery.ts';
