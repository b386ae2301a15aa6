import { z } from 'zod';

// Validation messages in Swedish, for every schema in the API.
z.config(z.locales.sv());
