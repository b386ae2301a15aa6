import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// News bodies are Markdown, rendered to HTML on the server and sanitised there: the browser only ever
// receives markup from this allow-list, whatever an editor (or an attacker with an editor's
// session) typed. Raw HTML in the Markdown is escaped by the sanitiser, not trusted.

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** The only elements a rendered body may contain. */
export const MARKDOWN_TAGS = [
	'p',
	'br',
	'hr',
	'h2',
	'h3',
	'h4',
	'blockquote',
	'ul',
	'ol',
	'li',
	'strong',
	'em',
	'del',
	'code',
	'pre',
	'a',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td'
] as const;

const ALLOWED: sanitizeHtml.IOptions = {
	allowedTags: [...MARKDOWN_TAGS],
	allowedAttributes: { a: ['href', 'title', 'rel'], th: ['scope'], ol: ['start'] },
	allowedSchemes: ['http', 'https', 'mailto', 'tel'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'escape',
	// An author's "# Rubrik" sits under the article's own h1.
	transformTags: {
		h1: 'h2',
		a: (tagName, attribs) => ({
			tagName,
			attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer' } : attribs
		})
	}
};

export function renderMarkdown(markdown: string): string {
	const html = marked.parse(markdown) as string;
	return sanitizeHtml(html, {
		...ALLOWED,
		allowedAttributes: { ...ALLOWED.allowedAttributes, a: ['href', 'title', 'rel'] }
	});
}
