// GENERATED_NOTICE
export { loadAgreementNew as load, agreementNewActions as actions } from '@regionportalen/site-kit/asf/server';
