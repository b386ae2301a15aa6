// GENERATED_NOTICE
export { minutesAttachment as GET } from '@regionportalen/site-kit/minutes/server';
