// GENERATED_NOTICE
export { loadPeople as load, peopleActions as actions } from '@regionportalen/site-kit/accounts/server';
