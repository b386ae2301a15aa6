// The outbox for admins: what was sent, what waits and what failed.
export { loadMailOutbox, STATUS_PARAMS, type MailOutboxData } from './outbox.ts';
