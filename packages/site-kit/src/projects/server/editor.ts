// The editor's pages: see index.ts.
