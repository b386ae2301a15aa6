// GENERATED_NOTICE
export { loadPrivacyPage as load } from '@regionportalen/site-kit/privacy/server';
