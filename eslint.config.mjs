// Lint configuration.
// Shipped code (nodes/, credentials/, package.json) gets the rule set n8n's verification scanner runs:
// @n8n/eslint-plugin-community-nodes (recommended, cloud-eligible), eslint-plugin-n8n-nodes-base
// (community, credentials, nodes) and no-console, with inline configuration disabled (the scanner
// ignores eslint-disable comments, and so do we). Dev code (test/, sandbox/, bench/, scripts/) gets an
// ordinary TypeScript lint. scripts/lint-tarball.js runs the shipped-code rules on the packed tarball's JS.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const community = communityNodes.configs.recommended;

export const shippedRules = {
	...community.rules,
	'no-console': 'error',
	'prefer-spread': 'off',
};

export const credentialRules = {
	...n8nNodesBase.configs.credentials.rules,
	'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
	'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
};

export const nodeRules = {
	...n8nNodesBase.configs.nodes.rules,
	'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
	'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
	'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
};

export const plugins = {
	'@n8n/community-nodes': community.plugins['@n8n/community-nodes'],
	'n8n-nodes-base': n8nNodesBase,
};

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.n8n-test/**', 'e2e/n8n/**', '**/*.js', '**/*.mjs'] },
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.recommended],
		plugins,
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
		rules: shippedRules,
	},
	{
		files: ['credentials/**/*.ts'],
		rules: credentialRules,
	},
	{
		files: ['nodes/**/*.ts'],
		rules: nodeRules,
	},
	{
		// The scanner also lints the codex JSON beside the nodes.
		files: ['nodes/**/*.json', 'credentials/**/*.json'],
		plugins,
		linterOptions: { noInlineConfig: true },
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		rules: shippedRules,
	},
	{
		files: ['package.json'],
		plugins,
		linterOptions: { noInlineConfig: true },
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		rules: { ...community.rules, ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['test/**/*.ts', 'sandbox/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'examples/**/*.ts', 'e2e/**/*.ts', 'demo/**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-require-imports': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
		},
	},
);
