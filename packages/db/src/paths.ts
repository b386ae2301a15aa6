import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's place in packages/db/src. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Ignored folder for local PostgreSQL clusters and other machine-local state. */
export const dataDir = fileURLToPath(new URL('../../../.data/', import.meta.url));
