// GENERATED_NOTICE
// App.Locals is declared in site-kit's core/server/locals.ts, which this entry (the hooks' too)
// re-exports.
import type {} from '@regionportalen/site-kit/core/server';
