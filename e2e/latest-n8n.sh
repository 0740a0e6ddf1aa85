#!/usr/bin/env bash
# Stretch check: the installed-package check on the newest n8n that installs here (2.41.1) running on Node 24.
# Node 24 comes from the npm registry (package `node`). n8n 2.41 installs with --ignore-scripts, because one
# optional native module (Kafka) downloads C library sources at build time and this machine has no internet;
# the native modules n8n needs here (isolated-vm, sqlite3) are then rebuilt for Node 24.
# First run: about 5 minutes of install; later runs reuse e2e/latest/*/node_modules.
set -euo pipefail
cd "$(dirname "$0")/latest"
if [ ! -x node/node_modules/node/bin/node ]; then (cd node && npm ci); fi
NODE_BIN_DIR="$PWD/node/node_modules/node/bin"
export PATH="$NODE_BIN_DIR:$PATH"
node --version
if [ ! -x n8n/node_modules/.bin/n8n ]; then
	(cd n8n && npm ci --ignore-scripts && npm rebuild isolated-vm sqlite3)
fi
cd ../..
PUBLER_E2E_N8N_DIR="$PWD/e2e/latest/n8n" PUBLER_E2E_NODE_BIN_DIR="$NODE_BIN_DIR" PUBLER_E2E_N8N_VERSION=2.41.1 \
	node_modules/.bin/tsx e2e/installed-n8n.ts "$@"
