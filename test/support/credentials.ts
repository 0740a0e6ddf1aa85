import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { PublerApi } from '../../credentials/PublerApi.credentials';

export type CredentialStore = Record<string, ICredentialDataDecryptedObject>;

/** Resolves `{{$credentials.x}}` in a generic-auth template, as n8n's credentials helper does. */
export function resolveCredentialTemplate(template: string, credentials: ICredentialDataDecryptedObject): string {
	const body = template.startsWith('=') ? template.slice(1) : template;
	return body.replace(/\{\{\s*\$credentials\.([A-Za-z0-9_]+)\s*\}\}/g, (_, key: string) => String(credentials[key] ?? ''));
}

/**
 * The credentials helper the in-process engine needs. Its `authenticate` applies our credential's
 * generic `authenticate` block, so tests see the real Authorization header on the wire.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly types = { publerApi: new PublerApi() };

	constructor(private readonly store: CredentialStore) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		_workflow: Workflow,
		_node: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.types[typeName as keyof typeof this.types];
		const options = { ...(requestOptions as IHttpRequestOptions) };
		if (!type) return options;
		const auth = type.authenticate;
		if (auth.type === 'generic') {
			const headers: Record<string, string> = { ...((options.headers as Record<string, string>) ?? {}) };
			for (const [key, value] of Object.entries(auth.properties.headers ?? {})) {
				headers[key] = resolveCredentialTemplate(String(value), credentials);
			}
			options.headers = headers;
		}
		return options;
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		return {
			id: nodeCredentials.id,
			name: nodeCredentials.name,
			type,
			data: '',
			getData: () => this.store[type],
			getDataToSave: () => ({}),
			setData: () => undefined,
		} as unknown as ICredentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		return { ...data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type as keyof typeof this.types]?.properties ?? [];
	}
}
