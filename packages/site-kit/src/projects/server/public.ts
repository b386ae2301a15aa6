// The public list and a project's page: see index.ts.
