// Filled by the domain: loads and actions.
export {};
