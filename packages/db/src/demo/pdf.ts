import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

// PDFs made for the demo, the bench and the tests (pdf-lib): a report with real text on A4 pages,
// and a "scan", a page with only drawn shapes and no text, as a scanner's PDF would have. Text is in
// Helvetica's WinAnsi encoding, which holds å, ä, ö and the dashes Swedish uses.

export interface PdfText {
	title: string;
	/** Paragraphs; each page holds as many as fit. */
	paragraphs: string[];
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const SIZE = 11;
const LEADING = 15;

/** A PDF with the title on its first page and the paragraphs wrapped onto as many pages as they need. */
export async function textPdf({ title, paragraphs }: PdfText): Promise<Uint8Array> {
	const pdf = await PDFDocument.create();
	pdf.setTitle(title);
	pdf.setLanguage('sv-SE');
	const font = await pdf.embedFont(StandardFonts.Helvetica);
	const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
	const width = A4[0] - 2 * MARGIN;
	let page = pdf.addPage(A4);
	let y = A4[1] - MARGIN;
	page.drawText(title, { x: MARGIN, y: y - 18, size: 18, font: bold });
	y -= 48;
	for (const paragraph of paragraphs) {
		for (const line of wrap(paragraph, (s) => font.widthOfTextAtSize(s, SIZE), width)) {
			if (y < MARGIN) {
				page = pdf.addPage(A4);
				y = A4[1] - MARGIN;
			}
			page.drawText(line, { x: MARGIN, y, size: SIZE, font });
			y -= LEADING;
		}
		y -= LEADING / 2;
	}
	return pdf.save();
}

/** A PDF of `pages` pages that look scanned: grey blocks where the lines would be, and no text. */
export async function scannedPdf(pages = 1): Promise<Uint8Array> {
	const pdf = await PDFDocument.create();
	for (let p = 0; p < pages; p++) {
		const page = pdf.addPage(A4);
		page.drawRectangle({ x: 0, y: 0, width: A4[0], height: A4[1], color: rgb(0.96, 0.95, 0.92) });
		for (let line = 0; line < 40; line++) {
			const length = 300 + ((line * 37 + p * 11) % 180);
			page.drawRectangle({
				x: MARGIN,
				y: A4[1] - 90 - line * 17,
				width: length,
				height: 7,
				color: rgb(0.45, 0.45, 0.45)
			});
		}
	}
	return pdf.save();
}

function wrap(text: string, widthOf: (s: string) => number, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (line && widthOf(next) > max) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}
