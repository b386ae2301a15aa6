// Where the e2e portal runs: the built servers, 100 ports above the development ones, on an
// embedded PostgreSQL of its own that is reset at every run. RP_E2E_PORT_OFFSET and RP_E2E_PG_PORT
// let two runs share a machine.

export const PORT_OFFSET = Number(process.env.RP_E2E_PORT_OFFSET ?? 100);
export const PG_PORT = Number(process.env.RP_E2E_PG_PORT ?? 54349);
export const HUB = `http://localhost:${5170 + PORT_OFFSET}`;
export const SUS = `http://localhost:${5171 + PORT_OFFSET}`;
export const ARVIKA_EDA = `http://localhost:${5172 + PORT_OFFSET}`;
/** Two of MIA's partner förbund: Östra Södertörn owns it. */
export const OSTRA_SODERTORN = `http://localhost:${5178 + PORT_OFFSET}`;
export const SODERTALJE = `http://localhost:${5175 + PORT_OFFSET}`;
