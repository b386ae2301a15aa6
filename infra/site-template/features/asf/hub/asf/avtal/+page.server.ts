// GENERATED_NOTICE
export { loadAgreements as load } from '@regionportalen/site-kit/asf/server';
