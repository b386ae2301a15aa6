import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

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
