import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

// Rate limits need to recognise an address, never to know it: only a keyed hash is
// stored (ForumQuestion.ipHash, HearingQuestion.ipHash). The key is derived from AUTH_SECRET,
// so that the hashes cannot be reversed by hashing every IPv4 address without it
// (docs/domain.md#abuse-protection). Its label still names the forum, where it began:
// changing it would change every stored hash.
const DEV_SECRET = "development-only-secret-do-not-use-in-production";

let key: Buffer | undefined;

function hashKey(): Buffer {
  key ??= createHmac("sha256", env().AUTH_SECRET ?? DEV_SECRET)
    .update("hustings/forum/address-hash/v1")
    .digest();
  return key;
}

export function hashAddress(ip: string): string {
  return createHmac("sha256", hashKey()).update(ip.trim().toLowerCase()).digest("hex");
}
