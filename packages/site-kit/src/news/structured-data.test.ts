import { describe, expect, it } from 'vitest';
import { jsonLdScript, newsArticle } from './structured-data.ts';

describe('jsonLdScript', () => {
	it('cannot be broken out of by a value, and still parses to the same data', () => {
		const data = { headline: '</script><script>alert(1)</script> & <!-- \u2028' };
		const html = jsonLdScript(data);
		const inner = html.slice('<script type="application/ld+json">'.length, -'</script>'.length);
		expect(inner).not.toMatch(/[<>&\u2028]/);
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		expect(JSON.parse(inner)).toEqual(data);
	});
});

describe('newsArticle', () => {
	const facts = {
		title: 'Rubrik',
		lead: 'Ingress',
		published: new Date('2018-02-26T09:00:00Z'),
		modified: new Date('2018-03-01T09:00:00Z'),
		authorName: null,
		publisher: 'Samordningsförbundet X',
		url: 'https://x.example.se/nyheter/rubrik',
		origin: 'https://x.example.se',
		image: null,
		tags: []
	};

	it('names the publisher as author when no person is known, and leaves out what is missing', () => {
		const article = newsArticle(facts);
		expect(article).toMatchObject({
			'@type': 'NewsArticle',
			headline: 'Rubrik',
			datePublished: '2018-02-26T09:00:00.000Z',
			dateModified: '2018-03-01T09:00:00.000Z',
			author: { '@type': 'Organization', name: 'Samordningsförbundet X' },
			publisher: { name: 'Samordningsförbundet X' },
			mainEntityOfPage: { '@id': 'https://x.example.se/nyheter/rubrik' }
		});
		expect(article).not.toHaveProperty('image');
	});

	it('credits the writer and carries the image when there is one', () => {
		const article = newsArticle({ ...facts, authorName: 'Anna', image: 'https://x.example.se/media/a.webp' });
		expect(article.author).toEqual({ '@type': 'Person', name: 'Anna' });
		expect(article.image).toEqual(['https://x.example.se/media/a.webp']);
	});
});
