export * from './run';
export * from './credentials';
export { TestNodeTypes } from './nodeTypes';
