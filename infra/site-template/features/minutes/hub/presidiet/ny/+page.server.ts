// GENERATED_NOTICE
export { loadMinutesNew as load, minutesNewActions as actions } from '@regionportalen/site-kit/minutes/server';
