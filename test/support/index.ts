export * from './run';
export * from './credentials';
export { TestNodeTypes } from './nodeTypes';
export * from './examples';
export * from './postCreate';
