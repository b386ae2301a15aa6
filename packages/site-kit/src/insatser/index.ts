// What other domains' pages may use.
export {};
