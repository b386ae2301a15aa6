// Structured data for search engines and link previews (schema.org JSON-LD), and its safe embedding.

/**
 * A `<script type="application/ld+json">` element for `{@html}` in `<svelte:head>`. The JSON is
 * escaped so that no value can end the script element or start markup: `<`, `>` and `&` become
 * `\u003c`, `\u003e` and `\u0026`, which JSON parsers read back as the same characters. U+2028 and
 * U+2029 are escaped too, for older JavaScript parsers.
 */
export function jsonLdScript(data: unknown): string {
	const json = JSON.stringify(data)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
	return `<script type="application/ld+json">${json}</script>`;
}

export interface NewsArticleFacts {
	title: string;
	lead: string;
	published: Date | null;
	modified: Date;
	authorName: string | null;
	/** The förbund or region that publishes it. */
	publisher: string;
	/** The article's canonical address at the site's public origin. */
	url: string;
	/** The site's public origin, for the publisher's logo. */
	origin: string;
	image: string | null;
	tags: string[];
}

/** A schema.org NewsArticle. The author is the person who wrote it, or else the publisher. */
export function newsArticle(facts: NewsArticleFacts) {
	const publisher = {
		'@type': 'Organization',
		name: facts.publisher,
		logo: { '@type': 'ImageObject', url: `${facts.origin}/logo.svg` }
	};
	return {
		'@context': 'https://schema.org',
		'@type': 'NewsArticle',
		headline: facts.title,
		...(facts.lead ? { description: facts.lead } : {}),
		...(facts.published ? { datePublished: facts.published.toISOString() } : {}),
		dateModified: facts.modified.toISOString(),
		author: facts.authorName
			? { '@type': 'Person', name: facts.authorName }
			: { '@type': 'Organization', name: facts.publisher },
		publisher,
		mainEntityOfPage: { '@type': 'WebPage', '@id': facts.url },
		url: facts.url,
		inLanguage: 'sv-SE',
		...(facts.image ? { image: [facts.image] } : {}),
		...(facts.tags.length ? { keywords: facts.tags.join(', ') } : {})
	};
}
