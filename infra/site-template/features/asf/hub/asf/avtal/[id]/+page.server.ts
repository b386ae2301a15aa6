// GENERATED_NOTICE
export { loadAgreementItem as load, agreementItemActions as actions } from '@regionportalen/site-kit/asf/server';
