// The presidium's minutes in the browser: a meeting's document and the minutes form's fields, and
// the room's words (roles, kinds of items and decisions, statuses).
export { default as MinutesDocument } from './components/MinutesDocument.svelte';
export { default as MinutesFields } from './components/MinutesFields.svelte';
export * from './labels.ts';
