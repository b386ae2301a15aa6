// The sites' own pages (the hub's and a förbund's start page, a region's pages) have nothing for
// other folders in the browser yet; their pages are imported by path.
export {};
