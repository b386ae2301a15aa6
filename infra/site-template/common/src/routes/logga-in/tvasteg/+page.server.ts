// GENERATED_NOTICE
export { loadTwoFactor as load, twoFactorActions as actions } from '@regionportalen/site-kit/accounts/server';
