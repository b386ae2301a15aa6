import { describe, expect, it } from 'vitest';
import { appRouter } from '../src/root.ts';

describe('the router', () => {
	it('declares who may call every procedure', () => {
		const procedures = Object.entries(appRouter._def.procedures);
		expect(procedures.length).toBeGreaterThan(5);
		for (const [path, procedure] of procedures) {
			const access = (procedure as unknown as { _def: { meta?: { access?: string } } })._def.meta?.access;
			expect([path, access]).toEqual([path, expect.stringMatching(/^(public|signed-in|role-checked)$/)]);
		}
	});
});
