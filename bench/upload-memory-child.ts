// Child process of upload-memory.ts: runs Manual Trigger → Source → Publer (Media → Upload) in n8n-core's
// engine against the sandbox, and reports the peak memory of the upload. Run with --expose-gc.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { Container } from '@n8n/di';
import { BinaryDataConfig, BinaryDataService } from 'n8n-core';
import type { IExecuteFunctions, INodeExecutionData, INodeType, IBinaryData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeTypes, PUBLER, runWorkflow, shutdownN8nCore } from '../test/support';

const [mode, sizeMbArg, baseUrl, apiKey, workspaceId] = process.argv.slice(2);
const size = Math.round(Number(sizeMbArg) * 1024 * 1024);
const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc!;

function status(key: string): number {
	const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(key + ':'));
	return Number(line?.replace(/\D+/g, '') ?? 0) * 1024;
}

let binary: IBinaryData;

/** Emits the prepared binary item, as a file-producing node would. */
class Source implements INodeType {
	description = {
		displayName: 'Source',
		name: 'source',
		group: ['input'],
		version: 1,
		description: 'Emits one binary item',
		defaults: { name: 'Source' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [[{ json: {}, binary: { data: binary } }]];
	}
}

async function main() {
	let dir: string | undefined;
	{
		let file: Buffer | undefined = Buffer.alloc(size);
		for (let i = 0; i < size; i += 4096) file[i] = i & 0xff;
		if (mode === 'filesystem') {
			dir = mkdtempSync(join(tmpdir(), 'publer-bench-'));
			const config = Container.get(BinaryDataConfig);
			Object.assign(config, { mode: 'filesystem', availableModes: ['filesystem'], localStoragePath: dir });
			const service = Container.get(BinaryDataService);
			await service.init();
			binary = await service.store({ type: 'execution', workflowId: 'bench', executionId: 'bench' }, file, {
				data: '',
				mimeType: 'video/mp4',
				fileName: 'big.mp4',
			});
		} else {
			// n8n's default binary mode keeps the file in the item as base64.
			binary = { data: file.toString('base64'), mimeType: 'video/mp4', fileName: 'big.mp4' };
		}
		file = undefined;
	}
	nodeTypes.register('bench.source', new Source());
	gc();
	gc();
	const before = process.memoryUsage();
	const baselineRss = status('VmRSS');
	writeFileSync('/proc/self/clear_refs', '5'); // reset VmHWM (peak RSS) to the current RSS
	const peaks = { heapUsed: 0, external: 0, arrayBuffers: 0, rss: 0 };
	const sample = () => {
		const m = process.memoryUsage();
		peaks.heapUsed = Math.max(peaks.heapUsed, m.heapUsed);
		peaks.external = Math.max(peaks.external, m.external);
		peaks.arrayBuffers = Math.max(peaks.arrayBuffers, m.arrayBuffers);
		peaks.rss = Math.max(peaks.rss, m.rss);
	};
	const timer = setInterval(sample, 5);
	const started = Date.now();
	const result = await runWorkflow({
		nodes: [
			{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 's', name: 'Source', type: 'bench.source', typeVersion: 1, position: [200, 0], parameters: {} },
			{
				id: 'p',
				name: 'Publer',
				type: PUBLER,
				typeVersion: 1,
				position: [400, 0],
				parameters: { resource: 'media', operation: 'upload', workspace: { __rl: true, mode: 'id', value: workspaceId } },
				credentials: { publerApi: { id: '1', name: 'Publer' } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Source', type: 'main', index: 0 }]] },
			Source: { main: [[{ node: 'Publer', type: 'main', index: 0 }]] },
		},
		credentials: { apiKey, baseUrl },
	});
	clearInterval(timer);
	sample();
	const ms = Date.now() - started;
	const peakRss = status('VmHWM');
	const out = result.output('Publer')[0]?.json;
	shutdownN8nCore();
	if (dir) rmSync(dir, { recursive: true, force: true });
	process.stdout.write(
		JSON.stringify({
			mode,
			fileBytes: size,
			error: result.error?.message ?? null,
			uploadedName: out?.name ?? null,
			ms,
			baselineRssMb: +(baselineRss / MB).toFixed(1),
			peakRssMb: +(peakRss / MB).toFixed(1),
			peakRssAboveBaselineMb: +((peakRss - baselineRss) / MB).toFixed(1),
			ratioToFile: +((peakRss - baselineRss) / size).toFixed(3),
			peakHeapUsedAboveBaselineMb: +((peaks.heapUsed - before.heapUsed) / MB).toFixed(1),
			peakArrayBuffersAboveBaselineMb: +((peaks.arrayBuffers - before.arrayBuffers) / MB).toFixed(1),
		}) + '\n',
	);
	process.exit(0);
}

main().catch((e) => {
	process.stderr.write(String(e?.stack ?? e) + '\n');
	process.exit(1);
});
