import { describe, expect, it } from 'vitest';
import { MARKDOWN_TAGS, renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
	it('renders the Markdown editors use', () => {
		const html = renderMarkdown('# Rubrik\n\nEtt **viktigt** stycke med [länk](https://example.se).\n\n- ett\n- två');
		expect(html).toContain('<h2>Rubrik</h2>');
		expect(html).toContain('<strong>viktigt</strong>');
		expect(html).toContain('<a href="https://example.se" rel="noopener noreferrer">länk</a>');
		expect(html).toContain('<ul>\n<li>ett</li>');
	});

	it('escapes raw HTML and drops dangerous links', () => {
		const html = renderMarkdown('<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>');
		expect(html).not.toMatch(/<script|<img|onerror=|javascript:/i);
		expect(html).toContain('&lt;script&gt;');
	});
});

describe('renderMarkdown against the XSS corpus', () => {
	it('lets no script, event handler or script URL through, for any vector', async () => {
		const { XSS_PAYLOADS } = await import('../../test/fixtures/xss-payloads.ts');
		for (const payload of XSS_PAYLOADS) {
			const html = renderMarkdown(payload);
			// Only allow-listed tags survive as markup; everything else is escaped text.
			for (const [, name, attrs] of html.matchAll(/<\/?([a-z0-9]+)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/gi)) {
				expect(MARKDOWN_TAGS, payload).toContain(name!.toLowerCase());
				for (const [, attr, value = ''] of attrs!.matchAll(/\s([^\s=>]+)(?:="([^"]*)")?/g)) {
					expect(['href', 'title', 'rel', 'scope', 'start'], payload).toContain(attr);
					if (attr === 'href') expect(value, payload).toMatch(/^(https?:|mailto:|tel:|#|\/)/i);
					expect(value, payload).not.toContain('"');
				}
			}
			// No tag is left open to swallow what follows.
			expect(html.replace(/<[^>]*>/g, ''), payload).not.toMatch(/<[a-z!/]/i);
		}
	});
});
