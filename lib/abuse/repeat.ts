import "server-only";
import { createHash } from "node:crypto";
import { normaliseForRepeat } from "./text";

/** What refuses an exact repeat: the hash of the question as normalised for comparison. */
export function repeatHash(body: string): string {
  return createHash("sha256").update(normaliseForRepeat(body)).digest("hex");
}
