// Prints CI's closing line, "ci: N passed, N failed, N skipped", from the summaries the checks write into
// test-results/ (jest, installed-n8n, queue mode on PostgreSQL, MCP). A summary that is missing counts as one
// failure, so a check that never ran cannot pass silently. Usage: node e2e/ci-summary.js [jest installed queue mcp]
const fs = require('fs');
const path = require('path');

const names = process.argv.slice(2).length ? process.argv.slice(2) : ['jest', 'installed', 'queue', 'mcp'];
const dir = path.join(__dirname, '..', 'test-results');
const total = { passed: 0, failed: 0, skipped: 0 };
for (const name of names) {
	let summary;
	try {
		summary = JSON.parse(fs.readFileSync(path.join(dir, `${name}-summary.json`), 'utf8'));
	} catch {
		summary = { passed: 0, failed: 1, missing: true };
	}
	total.passed += summary.passed || 0;
	total.failed += summary.failed || 0;
	total.skipped += summary.skipped || 0;
	process.stdout.write(`ci: ${name}: ${summary.missing ? 'no summary (counted as 1 failure)' : `${summary.passed} passed, ${summary.failed} failed`}\n`);
}
process.stdout.write(`ci: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exitCode = total.failed ? 1 : 0;
