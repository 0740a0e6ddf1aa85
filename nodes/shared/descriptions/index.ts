export * from './operationOptions';
export * from './workspace';
