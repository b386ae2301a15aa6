export * from './stub.ts';
