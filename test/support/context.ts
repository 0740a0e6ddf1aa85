import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { PublerApi } from '../../credentials/PublerApi.credentials';
import { resolveCredentialTemplate } from './credentials';

export const TEST_NODE: INode = {
	id: 'publer',
	name: 'Publer',
	type: 'n8n-nodes-publer.publer',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * A minimal execution context for transport unit tests. `httpRequestWithAuthentication` does what
 * n8n-core does: apply the credential's generic auth, send through n8n-core's own axios-based
 * `httpRequest`, and wrap failures in NodeApiError.
 */
export function transportContext(credentials: ICredentialDataDecryptedObject, sent: IHttpRequestOptions[] = []): IExecuteFunctions {
	const auth = new PublerApi().authenticate;
	const context = {
		getNode: () => TEST_NODE,
		getCredentials: async () => credentials,
		helpers: {
			async httpRequestWithAuthentication(_type: string, options: IHttpRequestOptions) {
				const headers = { ...((options.headers as Record<string, string>) ?? {}) };
				for (const [key, value] of Object.entries(auth.properties.headers ?? {})) {
					headers[key] = resolveCredentialTemplate(String(value), credentials);
				}
				const finalOptions = { ...options, headers };
				sent.push(finalOptions);
				try {
					return await httpRequest(finalOptions);
				} catch (error) {
					throw new NodeApiError(TEST_NODE, error as JsonObject);
				}
			},
		},
	};
	return context as unknown as IExecuteFunctions;
}
