export * from './types';
export * from './errors';
export * from './request';
export * from './pagination';
export * from './jobs';
export { realTimers } from './timers';
