// n8n-core writes <N8N_USER_FOLDER>/.n8n/config on first use: keep it inside the repo's ignored folder.
const path = require('path');
const os = require('os');
const fs = require('fs');
const folder = path.join(os.tmpdir(), 'n8n-nodes-publer-test');
fs.mkdirSync(folder, { recursive: true });
process.env.N8N_USER_FOLDER = folder;
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';

// Generated (fast-check) suites: `npm test` replays one fixed seed, so a run on CI is repeatable; `npm run soak`
// sets PUBLER_FC_RANDOM=1 and explores new seeds (fast-check prints the seed and path of any failure; keep those as
// regression cases in the suite). PUBLER_FC_SEED, where a suite reads it, still overrides both.
if (!process.env.PUBLER_FC_RANDOM) {
	require('fast-check').configureGlobal({ seed: Number(process.env.PUBLER_FC_GLOBAL_SEED || 20261201) });
}
