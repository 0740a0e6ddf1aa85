// Packs the package as npm would publish it, checks what is inside, and lints the tarball's compiled JS
// and package.json with the shipped-code rules (inline eslint-disable comments ignored), as n8n's
// verification scanner does. Exits non-zero on any finding.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

async function main() {
	const root = path.resolve(__dirname, '..');
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'publer-pack-'));
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
	const [info] = JSON.parse(out);
	const files = info.files.map((f) => f.path).sort();
	const allowed = (f) => f.startsWith('dist/') || ['README.md', 'LICENSE.md', 'package.json'].includes(f);
	const stray = files.filter((f) => !allowed(f));
	const problems = [];
	if (stray.length) problems.push(`Files outside dist/ in the tarball: ${stray.join(', ')}`);
	for (const banned of ['sandbox', 'test', 'bench', 'examples']) {
		if (files.some((f) => f.startsWith(`dist/${banned}/`))) problems.push(`dist/${banned} must not be published`);
	}
	const tgz = path.join(work, info.filename);
	execFileSync('tar', ['-xzf', tgz, '-C', work]);
	const pkgDir = path.join(work, 'package');
	const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
	if (pkg.dependencies && Object.keys(pkg.dependencies).length) problems.push(`dependencies must be empty: ${Object.keys(pkg.dependencies).join(', ')}`);
	for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
		if (!fs.existsSync(path.join(pkgDir, entry))) problems.push(`n8n entry ${entry} is missing from the tarball`);
	}

	const { ESLint } = require('eslint');
	const config = await import(path.join(root, 'eslint.config.mjs'));
	const tseslint = (await import('typescript-eslint')).default;
	const n8nNodesBase = require('eslint-plugin-n8n-nodes-base');
	const eslint = new ESLint({
		cwd: pkgDir,
		overrideConfigFile: true,
		allowInlineConfig: false,
		overrideConfig: [
			{
				files: ['**/*.js'],
				plugins: config.plugins,
				languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs' },
				rules: config.shippedRules,
			},
			{
				files: ['package.json'],
				plugins: config.plugins,
				languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
				rules: { ...config.shippedRules, ...n8nNodesBase.configs.community.rules },
			},
		],
	});
	const results = await eslint.lintFiles(['dist/**/*.js', 'package.json']);
	const formatter = await eslint.loadFormatter('stylish');
	const text = formatter.format(results);
	const errors = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
	if (errors) problems.push(`ESLint found ${errors} problem(s) in the tarball:\n${text}`);

	console.log(`tarball ${info.filename}: ${files.length} files, ${(info.size / 1024).toFixed(1)} KiB packed; linted ${results.length} files`);
	fs.rmSync(work, { recursive: true, force: true });
	if (problems.length) {
		console.error(problems.join('\n'));
		process.exit(1);
	}
	console.log('tarball lint: 0 errors, 0 warnings');
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
