import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// Secrets the servers must read back (TOTP keys, mail bodies that carry sign-in links) are sealed
// with AES-256-GCM before they reach the database, so a copy of the database (a backup, a replica)
// alone reveals none of them. The key is SEALING_KEY (TOTP_ENCRYPTION_KEY, its earlier name, is read
// too): 32 bytes as 64 hex digits or base64. Only the servers and the worker hold it.

// Development and tests only: production refuses to seal without a key of its own.
const DEVELOPMENT_KEY = createHash('sha256').update('regionportalen development TOTP key, not secret').digest();
/** The development key as SEALING_KEY would carry it: the demo portal hands it to its processes. */
export const DEVELOPMENT_SEALING_KEY = DEVELOPMENT_KEY.toString('hex');

/**
 * A 32-byte server secret from a setting (64 hex digits or base64): the configured one, else the
 * development key outside production. Production refuses to go on without one.
 */
export function serverKey(
	name: string,
	configured: string | undefined,
	developmentKey: Buffer,
	env: NodeJS.ProcessEnv = process.env
): Buffer {
	if (configured) {
		const key = Buffer.from(configured, /^[0-9a-f]{64}$/i.test(configured) ? 'hex' : 'base64');
		if (key.length !== 32) throw new Error(`${name} must be 32 bytes, as 64 hex digits or base64.`);
		return key;
	}
	if (env.NODE_ENV === 'production') {
		throw new Error(`${name} is not set; it is required in production (32 random bytes, hex or base64).`);
	}
	return developmentKey;
}

function sealingKey(env: NodeJS.ProcessEnv = process.env): Buffer {
	return serverKey('SEALING_KEY', env.SEALING_KEY ?? env.TOTP_ENCRYPTION_KEY, DEVELOPMENT_KEY, env);
}

/** The bytes sealed: a random IV, the ciphertext and GCM's tag, which `unseal` checks. */
export function seal(plain: Uint8Array, env?: NodeJS.ProcessEnv): Buffer {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', sealingKey(env), iv);
	const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
	return Buffer.concat([iv, sealed, cipher.getAuthTag()]);
}

/** The bytes `seal` sealed; throws when they were changed or sealed under another key. */
export function unseal(sealed: Uint8Array, env?: NodeJS.ProcessEnv): Uint8Array {
	const buf = Buffer.from(sealed);
	const decipher = createDecipheriv('aes-256-gcm', sealingKey(env), buf.subarray(0, 12));
	decipher.setAuthTag(buf.subarray(buf.length - 16));
	return new Uint8Array(Buffer.concat([decipher.update(buf.subarray(12, buf.length - 16)), decipher.final()]));
}
