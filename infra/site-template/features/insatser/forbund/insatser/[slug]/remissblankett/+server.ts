// GENERATED_NOTICE
export { referralDownload as GET } from '@regionportalen/site-kit/insatser/server';
