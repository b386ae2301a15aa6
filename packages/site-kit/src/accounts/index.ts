// Accounts in the browser: the new-password fields and the recovery codes.
export { default as NewPasswordFields } from './components/NewPasswordFields.svelte';
export { default as RecoveryCodes } from './components/RecoveryCodes.svelte';
