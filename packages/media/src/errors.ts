/**
 * An upload the portal refuses. Its `message` is Swedish and written for the editor who chose the
 * file, so a form action can show it as it is; `code` is for the program.
 */
export class MediaError extends Error {
	override readonly name = 'MediaError';
	readonly code: MediaErrorCode;
	/** The name the file was uploaded under, to say which one when several were. */
	readonly filename: string | undefined;

	constructor(code: MediaErrorCode, message: string, filename?: string) {
		super(message);
		this.code = code;
		this.filename = filename;
	}
}

export type MediaErrorCode =
	/** The file has no bytes. */
	| 'empty'
	/** Larger than the limit for its kind. */
	| 'too_large'
	/** Not one of the accepted formats (judged by its bytes, never its name). */
	| 'wrong_type'
	/** The right format by its first bytes, but it cannot be decoded. */
	| 'unreadable'
	/** An image of more pixels than the server will decode. */
	| 'too_many_pixels';

/** A storage key that is not one the portal could have made: refused before any file or bucket is touched. */
export class InvalidKeyError extends Error {
	override readonly name = 'InvalidKeyError';

	constructor(key: string) {
		super(`Invalid media key: ${JSON.stringify(key.slice(0, 200))}`);
	}
}
