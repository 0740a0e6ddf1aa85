import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

export class PublerApi implements ICredentialType {
	name = 'publerApi';

	displayName = 'Publer API';

	icon = { light: 'file:../icons/publer.svg', dark: 'file:../icons/publer.dark.svg' } as const;

	documentationUrl = 'https://publer.com/docs/getting-started/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Create a key in Publer under Settings → Access & Login → API Keys (Business plan). Tick the scopes the operations you use need: workspaces, accounts, posts, media, analytics.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.publer.com/api/v1',
			description:
				'Leave as it is for Publer. Change it only to point at the local Publer sandbox (http://127.0.0.1:PORT/api/v1). Plain HTTP is refused except to localhost, so the key never travels unencrypted.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer-API {{$credentials.apiKey}}',
			},
		},
	};

	// The test goes to the configured base URL when it is HTTPS or loopback HTTP. Any other URL is replaced
	// by a reserved ".invalid" host (RFC 6761) that never resolves, so the key is never sent over plain HTTP.
	// Redirects are not followed, so a redirecting Base URL fails the test instead of sending the key on.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ (/^https:\\/\\//i.test(($credentials.baseUrl || "https://app.publer.com/api/v1").trim()) || /^http:\\/\\/(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d+)?(\\/|$)/i.test(($credentials.baseUrl || "").trim())) ? ($credentials.baseUrl || "https://app.publer.com/api/v1").trim().replace(/\\/+$/, "") : "https://base-url-must-use-https.invalid" }}',
			url: '/users/me',
			method: 'GET',
			// A redirect would carry the key to wherever it points (n8n re-sends credentials across redirects):
			// never follow one, and never send credentials to another origin.
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		},
	};
}
