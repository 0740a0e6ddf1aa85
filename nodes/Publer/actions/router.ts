import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { resources } from './index';
import type { BatchItemResult } from './types';

function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context?.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/**
 * The item continueOnFail emits. n8n-core keeps `error` (shown with its description in the editor) and sets the
 * JSON to `{ error: message }`, which is also what routes the item to the error output.
 */
function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, error, pairedItem: { item: itemIndex } };
}

/** The one item loop of the node: dispatch, pairedItem and continueOnFail live here. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const op = resources[resource]?.operations[operation];
	if (!op) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for resource "${resource}"`, {
			description: 'Open the node and choose the resource and operation again.',
		});
	}

	const output: INodeExecutionData[] = [];
	const push = (itemIndex: number, json: IDataObject | IDataObject[]) => {
		const wrapped = this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(json), {
			itemData: { item: itemIndex },
		});
		output.push(...wrapped);
	};
	const fail = (itemIndex: number, error: unknown) => {
		const nodeError = asNodeError.call(this, error, itemIndex);
		if (this.continueOnFail()) {
			output.push(errorItem(nodeError, itemIndex));
			return;
		}
		throw nodeError;
	};

	if (op.executeBatch) {
		let results: BatchItemResult[];
		try {
			results = await op.executeBatch.call(this, items);
		} catch (error) {
			// A failure of the whole batch (not of one item) stops the node unless the user continues on fail,
			// in which case every item carries the error.
			if (!this.continueOnFail()) throw asNodeError.call(this, error, 0);
			results = items.map((_, itemIndex) => ({ itemIndex, error: error as Error }));
		}
		results.sort((a, b) => a.itemIndex - b.itemIndex);
		for (const result of results) {
			if (result.error) fail(result.itemIndex, result.error);
			else push(result.itemIndex, result.json ?? {});
		}
		return [output];
	}

	if (!op.execute) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" has no implementation`);
	}
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			push(itemIndex, await op.execute.call(this, itemIndex));
		} catch (error) {
			fail(itemIndex, error);
		}
	}
	return [output];
}
