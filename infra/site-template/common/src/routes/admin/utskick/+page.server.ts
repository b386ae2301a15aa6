// GENERATED_NOTICE
export { loadMailOutbox as load } from '@regionportalen/site-kit/mail/server';
