// GENERATED_NOTICE
// App.Locals is declared by @regionportalen/site-kit/server/locals, which the hooks import.
import type {} from '@regionportalen/site-kit/server/locals';
