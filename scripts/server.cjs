// Runs the production server (server.ts) with tsx's CommonJS hook alone
// (docs/decisions/024-client-address-and-server.md). `node --import tsx` would also register
// tsx's ES-module hooks, which Node 20 runs on a thread of their own: every dynamic import Next
// makes while serving a request (its route modules, per request) then waits on a message to
// that thread. The server's own files are all that need compiling, and they load through require.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher: require is the point */
require("tsx/cjs/api").register();
require("../server.ts");
