// GENERATED_NOTICE
export { exportPersonalDataFile as POST } from '@regionportalen/site-kit/privacy/server';
