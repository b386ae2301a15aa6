// The accessibility statement in the browser: nothing beyond its pages (see server/ for their loads
// and actions), and the day format they share.
export { formatDay } from './format.ts';
