export * from './session.ts';
export * from './password.ts';
export * from './password-policy.ts';
export * from './cookie.ts';
export * from './totp.ts';
export * from './rate-limit.ts';
export * from './tokens.ts';
export * from './account.ts';
