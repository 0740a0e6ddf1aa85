// n8n-core writes <N8N_USER_FOLDER>/.n8n/config on first use: keep it inside the repo's ignored folder.
const path = require('path');
const os = require('os');
const fs = require('fs');
const folder = path.join(os.tmpdir(), 'n8n-nodes-publer-test');
fs.mkdirSync(folder, { recursive: true });
process.env.N8N_USER_FOLDER = folder;
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';
