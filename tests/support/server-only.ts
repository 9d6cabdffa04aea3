// Vitest runs server modules directly; the real "server-only" guard throws outside React's
// server environment, so tests alias it to this empty module (see vitest.config.ts).
export {};
