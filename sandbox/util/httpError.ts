// The one error type routes and rules throw; the server turns it into a Publer-style answer.

/** An error that the server turns into `status` with `body` (default `{"errors":[message]}`). */
export class HttpError extends Error {
	constructor(
		public status: number,
		message: string,
		public body?: unknown,
	) {
		super(message);
	}
}

export function badRequest(message: string): HttpError {
	return new HttpError(400, message);
}

/** Publer's error envelope: `{"errors":[...]}`. */
export function errorBody(messages: string[] | string): { errors: string[] } {
	return { errors: Array.isArray(messages) ? messages : [messages] };
}
