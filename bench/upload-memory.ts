// Measures the memory a Media → Upload of a big file costs, through n8n-core's engine against the sandbox.
// Usage: npx tsx bench/upload-memory.ts [sizeMb=200] [modes=memory,filesystem]
// The sandbox runs in this process; each upload runs in a child process (node --expose-gc) so its peak RSS
// (VmHWM, reset just before the upload) is the upload's alone. The sandbox streams the file and counts bytes.
import { spawnSync } from 'child_process';
import { join } from 'path';

import { startSandbox } from '../sandbox';

async function main() {
	const sizeMb = Number(process.argv[2] ?? 200);
	const modes = (process.argv[3] ?? 'memory,filesystem').split(',');
	const sb = await startSandbox({ rateLimit: false });
	try {
		for (const mode of modes) {
			sb.clearRequests();
			const child = await new Promise<{ stdout: string; stderr: string; status: number | null }>((resolve) => {
				// spawnSync would block the sandbox's event loop; run the child asynchronously.
				const { spawn } = require('child_process') as typeof import('child_process');
				const proc = spawn(process.execPath, ['--expose-gc', '--require', join(__dirname, 'resolve-node-ts.cjs'), '--import', 'tsx', join(__dirname, 'upload-memory-child.ts'), mode, String(sizeMb), sb.baseUrl, sb.apiKey, sb.workspaceId], {
					cwd: join(__dirname, '..'),
					env: { ...process.env, NODE_ENV: 'test', N8N_LOG_LEVEL: 'silent' },
				});
				let stdout = '';
				let stderr = '';
				proc.stdout.on('data', (d) => (stdout += d));
				proc.stderr.on('data', (d) => (stderr += d));
				proc.on('close', (status) => resolve({ stdout, stderr, status }));
			});
			if (child.status !== 0) throw new Error(`child failed (${mode}): ${child.stderr}`);
			const report = JSON.parse(child.stdout.trim().split('\n').pop()!);
			const logged = sb.requests({ method: 'POST', path: '/media' })[0];
			report.sandboxReceivedBytes = logged?.body?.file?.bytes ?? null;
			report.sandboxStatus = logged?.status ?? null;
			console.log(JSON.stringify(report));
		}
	} finally {
		await sb.close();
	}
}
void spawnSync;
main().catch((e) => {
	console.error(e);
	process.exit(1);
});
