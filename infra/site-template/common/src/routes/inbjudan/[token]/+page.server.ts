// GENERATED_NOTICE
export { loadInvitation as load, invitationActions as actions } from '@regionportalen/site-kit/accounts/server';
