import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * A NodeOperationError that keeps its message. n8n replaces a message that merely contains a code such as
 * ECONNRESET by its generic text ("The connection to the server was closed unexpectedly…"), which would hide
 * what the node has to say (the outcome is unknown, which job was accepted).
 */
export function operationError(node: INode, message: string, options: ConstructorParameters<typeof NodeOperationError>[2] = {}): NodeOperationError {
	const error = new NodeOperationError(node, message, options);
	error.message = message;
	return error;
}
