// The outbox as admins see it: what was sent, what waits, what failed (the worker sends it).
export { canReadMail } from './access.ts';
export { MAIL_PAGE_SIZE, mailRouter } from './router.ts';
export { personalData } from './personal-data.ts';
