// Removes build output so that every build starts clean.
const fs = require('fs');
fs.rmSync('dist', { recursive: true, force: true });
for (const f of fs.readdirSync('.')) if (f.endsWith('.tgz')) fs.rmSync(f);
