// Privacy in the browser: the notice every form that collects personal data shows beside it.
export { default as PrivacyNotice } from './components/PrivacyNotice.svelte';
