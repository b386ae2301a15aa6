// Mail in the browser: nothing yet beyond its page (see server/ for its load).
export {};
