// What other domains' pages may use: an insats in a list, and the catalogue's labels.
export { default as InsatsCard } from './components/InsatsCard.svelte';
export { ageRange, INRIKTNING_OPTIONS, LIFE_STATUS_OPTIONS, TARGET_GROUP_OPTIONS } from './labels.ts';
