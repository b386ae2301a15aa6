// GENERATED_NOTICE
export { minutesAttachment as GET } from '@regionportalen/site-kit/server/routes/minutes';
