// Stands in for the "server-only" marker in the standalone bundle (scripts/build-standalone.ts).
export {};
