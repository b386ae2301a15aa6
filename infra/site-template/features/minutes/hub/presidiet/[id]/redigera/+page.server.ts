// GENERATED_NOTICE
export { loadMinutesEditor as load, minutesEditorActions as actions } from '@regionportalen/site-kit/minutes/server';
