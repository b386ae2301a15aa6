// Documents: the public document library of a förbund or region, and of an insats.
export { documentsRouter } from './router.ts';
