/*
 * Optional editor check (`npm run test:installed -- --editor`): the n8n editor, in Debian's headless Chromium
 * driven by playwright-core, opens a workflow with the Publer node, shows its parameters, and fills the
 * Workspace list and the Accounts dropdown from the sandbox (through the node's listSearch / loadOptions
 * methods, which run in n8n's backend with the stored credential).
 */
import fs from 'node:fs';
import path from 'node:path';

import { ROOT, assert, http, log, run } from './lib';

const BROWSER_DIR = path.join(ROOT, 'e2e', 'browser');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function editorCheckAvailable(): boolean {
	return fs.existsSync(CHROMIUM);
}

export interface EditorCheck {
	origin: string;
	cookie: string;
	workflowId: string;
	nodeName: string;
	sandboxOrigin: string;
	/** the sandbox's control key (X-Sandbox-Control-Key) for /__sandbox/* */
	sandboxControlKey: string;
	screenshotDir: string;
}

export async function checkEditor(options: EditorCheck): Promise<void> {
	if (!fs.existsSync(path.join(BROWSER_DIR, 'node_modules', 'playwright-core'))) {
		log('installing playwright-core in e2e/browser');
		run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: BROWSER_DIR });
	}
	const { chromium } = require(path.join(BROWSER_DIR, 'node_modules', 'playwright-core'));
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
		const [name, value] = options.cookie.split('=');
		await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }]);
		const page = await context.newPage();
		await page.goto(`${options.origin}/workflow/${options.workflowId}`, { waitUntil: 'domcontentloaded' });
		const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: options.nodeName }).first();
		await node.waitFor({ timeout: 60_000 });
		await page.screenshot({ path: path.join(options.screenshotDir, 'editor-canvas.png') });
		assert(true, 'the n8n editor renders the workflow with the Publer nodes in Chromium');

		await http('DELETE', `${options.sandboxOrigin}/__sandbox/requests`, undefined, { 'X-Sandbox-Control-Key': options.sandboxControlKey });
		await node.dblclick();
		const ndv = page.locator('[data-test-id="ndv"]');
		await ndv.waitFor({ timeout: 30_000 });
		for (const label of ['Workspace', 'Mode', 'Account Names or IDs', 'Text', 'Scheduled At']) {
			await ndv.getByText(label, { exact: true }).first().waitFor({ timeout: 15_000 });
		}
		assert(true, 'the Publer node opens with its Post → Create parameters (Workspace, Mode, Accounts, Text, Scheduled At)');

		// Open the accounts dropdown: its options come from the sandbox through the node's loadOptions method.
		const accounts = ndv.locator('[data-test-id="parameter-input-accounts"]').first();
		await accounts.click();
		const option = page.locator('.el-select-dropdown__item, [role="option"]').filter({ hasText: 'Mastodon' }).first();
		await option.waitFor({ timeout: 30_000 });
		await page.screenshot({ path: path.join(options.screenshotDir, 'editor-accounts-dropdown.png') });
		const optionText = (await option.textContent())?.trim();
		const requests = (await http('GET', `${options.sandboxOrigin}/__sandbox/requests`, undefined, { 'X-Sandbox-Control-Key': options.sandboxControlKey })).json as Array<{ method: string; path: string; headers: Record<string, string> }>;
		assert(
			requests.some((r) => r.method === 'GET' && r.path === '/accounts' && r.headers['publer-workspace-id']),
			`the Accounts dropdown is filled from the sandbox (GET /accounts; e.g. "${optionText}")`,
		);
		await page.keyboard.press('Escape');

		// The Workspace resource locator lists workspaces from the sandbox (listSearch → GET /workspaces).
		await http('DELETE', `${options.sandboxOrigin}/__sandbox/requests`, undefined, { 'X-Sandbox-Control-Key': options.sandboxControlKey });
		const workspace = ndv.locator('[data-test-id="resource-locator-dropdown"], [data-test-id="rlc-input"]').first();
		if (await workspace.count()) {
			const modeSelect = ndv.locator('[data-test-id="rlc-mode-selector"]').first();
			if (await modeSelect.count()) {
				await modeSelect.click();
				await page.locator('.el-select-dropdown__item, [role="option"]').filter({ hasText: 'From List' }).first().click();
			}
			await ndv.locator('[data-test-id="rlc-input"]').first().click();
			await page.getByText('Sandbox Bakery', { exact: false }).first().waitFor({ timeout: 30_000 });
			await page.screenshot({ path: path.join(options.screenshotDir, 'editor-workspace-list.png') });
			const after = (await http('GET', `${options.sandboxOrigin}/__sandbox/requests`, undefined, { 'X-Sandbox-Control-Key': options.sandboxControlKey })).json as Array<{ method: string; path: string }>;
			assert(after.some((r) => r.method === 'GET' && r.path === '/workspaces'), 'the Workspace list is filled from the sandbox (GET /workspaces)');
		}
	} finally {
		await browser.close();
	}
}
