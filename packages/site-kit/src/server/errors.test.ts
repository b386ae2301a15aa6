import { describe, expect, it } from 'vitest';
import { loginUrl, safeReturnPath } from './errors.ts';

describe('the login return path', () => {
	it('keeps a path on this site', () => {
		expect(safeReturnPath('/redaktor?x=1', '/')).toBe('/redaktor?x=1');
	});
	it('refuses other origins, protocol-relative and backslash tricks', () => {
		for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null]) {
			expect(safeReturnPath(bad, '/')).toBe('/');
		}
	});
	it('is carried to the login page encoded', () => {
		expect(loginUrl(new URL('http://x/redaktor/5?a=b'))).toBe('/logga-in?till=%2Fredaktor%2F5%3Fa%3Db');
	});
});
