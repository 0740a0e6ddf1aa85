// Must be imported before anything that loads n8n-core: n8n-core writes <N8N_USER_FOLDER>/.n8n/config on first
// use, so point it at a temporary folder (as test/setup/env.js does for jest) and keep n8n quiet.
import { mkdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

if (!process.env.N8N_USER_FOLDER) {
	const folder = join(tmpdir(), 'n8n-nodes-publer-demo');
	mkdirSync(folder, { recursive: true });
	process.env.N8N_USER_FOLDER = folder;
}
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';
