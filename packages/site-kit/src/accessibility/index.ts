// The accessibility statement in the browser: nothing beyond its pages (see server/ for their loads
// and actions).
export {};
