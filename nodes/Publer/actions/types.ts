import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** The result of one input item in a batch operation. */
export interface BatchItemResult {
	itemIndex: number;
	json?: IDataObject | IDataObject[];
	error?: Error;
}

/**
 * One operation of a resource. Per-item operations implement `execute` and the router owns the item
 * loop; operations that combine items (bulk post creation) implement `executeBatch` and return one result
 * per input item. Either way the router applies `pairedItem` and `continueOnFail`.
 */
export interface PublerOperation {
	description: INodeProperties[];
	execute?: (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[]>;
	executeBatch?: (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<BatchItemResult[]>;
}

export interface PublerResource {
	/** The operation selector and every operation's fields. */
	description: INodeProperties[];
	operations: Record<string, PublerOperation>;
}
