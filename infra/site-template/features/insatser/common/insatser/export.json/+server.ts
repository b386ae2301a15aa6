// GENERATED_NOTICE
export { exportJson as GET } from '@regionportalen/site-kit/insatser/server';
