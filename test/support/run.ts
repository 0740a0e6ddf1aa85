import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, PollContext, WorkflowExecute } from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IPollFunctions,
	IRun,
	IWorkflowBase,
	IWorkflowSettings,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { TestCredentialsHelper, type CredentialStore } from './credentials';
import { TestNodeTypes } from './nodeTypes';

export const PUBLER = 'n8n-nodes-publer.publer';
export const PUBLER_TRIGGER = 'n8n-nodes-publer.publerTrigger';

export const nodeTypes = new TestNodeTypes();

let counter = 0;

export interface PublerCredentials extends ICredentialDataDecryptedObject {
	apiKey: string;
	baseUrl: string;
}

export function credentialStore(publer: PublerCredentials): CredentialStore {
	return { publerApi: publer };
}

export function buildAdditionalData(store: CredentialStore, workflowData: IWorkflowBase, mode: WorkflowExecuteMode, executionId: string) {
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const additionalData = {
		hooks,
		credentialsHelper: new TestCredentialsHelper(store),
		executionId,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		variables: {},
		currentNodeParameters: undefined,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not supported in the test harness');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => undefined,
		startRunnerTask: async () => {
			throw new Error('Task runners are not supported in the test harness');
		},
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;
	return { hooks, additionalData };
}

export interface WorkflowSpec {
	nodes: INode[];
	connections: IConnections;
	/** The node the run starts from (default: the first node). */
	startNode?: string;
	/** Items given to the start node. */
	startItems?: INodeExecutionData[];
	credentials: PublerCredentials;
	staticData?: IDataObject;
	settings?: IDataObject;
	timezone?: string;
}

export interface WorkflowResult {
	run: IRun;
	/** Main output `index` (0 = success, 1 = error output) of the node's last run. */
	output(nodeName: string, index?: number): INodeExecutionData[];
	error: Error | undefined;
	workflow: Workflow;
}

/** Runs a workflow through n8n-core's WorkflowExecute, in-process. */
export async function runWorkflow(spec: WorkflowSpec): Promise<WorkflowResult> {
	const id = `wf-${++counter}`;
	const settings: IWorkflowSettings = { executionOrder: 'v1' as const, ...(spec.timezone ? { timezone: spec.timezone } : {}), ...(spec.settings ?? {}) };
	const workflow = new Workflow({
		id,
		name: id,
		nodes: spec.nodes,
		connections: spec.connections,
		active: false,
		nodeTypes,
		staticData: spec.staticData ?? {},
		settings,
	});
	const workflowData = {
		id,
		name: id,
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes: spec.nodes,
		connections: spec.connections,
		settings,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as IWorkflowBase;
	const executionId = `exec-${counter}`;
	const { hooks, additionalData } = buildAdditionalData(credentialStore(spec.credentials), workflowData, 'manual', executionId);

	const start = workflow.getNode(spec.startNode ?? spec.nodes[0].name);
	if (!start) throw new Error('Start node not found');
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: start,
					data: { main: [spec.startItems ?? [{ json: {} }]] },
					source: null,
				},
			],
		},
	});

	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (fullRunData: IRun) => resolve(fullRunData));
	});
	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	const returned = await execution.processRunExecutionData(workflow);
	const run = (await Promise.race([finished, Promise.resolve(returned as unknown as IRun)])) as IRun;
	return {
		run,
		workflow,
		error: run.data.resultData.error as Error | undefined,
		output(nodeName: string, index = 0) {
			const runs = run.data.resultData.runData[nodeName];
			if (!runs?.length) return [];
			const last = runs[runs.length - 1];
			return (last.data?.main?.[index] ?? []) as INodeExecutionData[];
		},
	};
}

export interface PublerNodeRun {
	parameters: INodeParameters;
	/** Input items for the Publer node (default: one empty item). */
	items?: INodeExecutionData[] | IDataObject[];
	credentials: PublerCredentials;
	/** 'stopWorkflow' (default), 'continueRegularOutput' or 'continueErrorOutput'. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	timezone?: string;
	nodeName?: string;
}

export interface PublerNodeResult extends WorkflowResult {
	/** The Publer node's success output. */
	items: INodeExecutionData[];
	/** The Publer node's error output (with onError = continueErrorOutput). */
	errorItems: INodeExecutionData[];
}

function asItems(items: INodeExecutionData[] | IDataObject[] | undefined): INodeExecutionData[] {
	if (!items) return [{ json: {} }];
	return (items as Array<INodeExecutionData | IDataObject>).map((item) =>
		item && typeof item === 'object' && 'json' in item && typeof item.json === 'object'
			? (item as INodeExecutionData)
			: { json: item as IDataObject },
	);
}

/** Manual Trigger → Publer, with the given input items reaching the Publer node. */
export async function runPublerNode(spec: PublerNodeRun): Promise<PublerNodeResult> {
	const name = spec.nodeName ?? 'Publer';
	const nodes: INode[] = [
		{
			id: 'trigger',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'publer',
			name,
			type: PUBLER,
			typeVersion: 1,
			position: [200, 0],
			parameters: spec.parameters,
			credentials: { publerApi: { id: '1', name: 'Publer account' } },
			...(spec.onError ? { onError: spec.onError } : {}),
		},
	];
	const connections: IConnections = { Start: { main: [[{ node: name, type: 'main', index: 0 }]] } };
	const result = await runWorkflow({
		nodes,
		connections,
		startItems: asItems(spec.items),
		credentials: spec.credentials,
		timezone: spec.timezone,
	});
	return { ...result, items: result.output(name, 0), errorItems: result.output(name, 1) };
}

export interface PollRun {
	nodeType?: string;
	parameters: INodeParameters;
	credentials: PublerCredentials;
	/** The workflow's static data object; pass the same object to later polls to keep state. */
	staticData: IDataObject;
	mode?: 'trigger' | 'manual';
	nodeName?: string;
	timezone?: string;
}

/** Runs a trigger's poll() once through n8n-core's PollContext with real workflow static data. */
export async function runPoll(spec: PollRun): Promise<INodeExecutionData[][] | null> {
	const name = spec.nodeName ?? 'Publer Trigger';
	const node: INode = {
		id: 'trigger',
		name,
		type: spec.nodeType ?? PUBLER_TRIGGER,
		typeVersion: 1,
		position: [0, 0],
		parameters: spec.parameters,
		credentials: { publerApi: { id: '1', name: 'Publer account' } },
	};
	const id = `wf-${++counter}`;
	const settings: IWorkflowSettings = { executionOrder: 'v1' as const, ...(spec.timezone ? { timezone: spec.timezone } : {}) };
	const workflow = new Workflow({
		id,
		name: id,
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: spec.staticData,
		settings,
	});
	const workflowData = { id, name: id, nodes: [node], connections: {}, settings } as unknown as IWorkflowBase;
	const { additionalData } = buildAdditionalData(credentialStore(spec.credentials), workflowData, 'trigger', `poll-${counter}`);
	const context = new PollContext(workflow, workflow.getNode(name) as INode, additionalData, spec.mode ?? 'trigger', 'activate');
	const type = nodeTypes.getByNameAndVersion(node.type, 1) as { poll?: (this: IPollFunctions) => Promise<INodeExecutionData[][] | null> };
	if (!type.poll) throw new Error(`${node.type} has no poll()`);
	return await type.poll.call(context as unknown as IPollFunctions);
}

/** Stops n8n-core's background timers so jest can exit. */
export function shutdownN8nCore(): void {
	try {
		Container.get(SSHClientsManager).onShutdown();
	} catch {
		// not started
	}
}
