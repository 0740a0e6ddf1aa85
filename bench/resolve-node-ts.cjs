// tsx resolves `./Publer.node` to the codex `Publer.node.json` (Node tries .json before tsx's .ts);
// point `*.node` requests at the TypeScript source instead, as jest does.
const Module = require('module');
const path = require('path');
const fs = require('fs');
const original = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
	if (/\.node$/.test(request) && parent && parent.filename && request.startsWith('.')) {
		const candidate = path.resolve(path.dirname(parent.filename), request + '.ts');
		if (fs.existsSync(candidate)) return candidate;
	}
	return original.call(this, request, parent, ...rest);
};
