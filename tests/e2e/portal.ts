// Where the e2e portal runs: the built servers, 100 ports above the development ones, on an
// embedded PostgreSQL of its own that is reset at every run.

export const PORT_OFFSET = 100;
export const HUB = `http://localhost:${5170 + PORT_OFFSET}`;
export const SUS = `http://localhost:${5171 + PORT_OFFSET}`;
export const ARVIKA_EDA = `http://localhost:${5172 + PORT_OFFSET}`;
