// s3rver ships no types: the part tests/support/s3-store.ts uses.
declare module "s3rver" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  type Options = { directory: string; silent?: boolean; configureBuckets?: { name: string; configs: string[] }[] };
  export default class S3rver {
    constructor(options: Options);
    configureBuckets(): Promise<void>;
    callback(): (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  }
}
