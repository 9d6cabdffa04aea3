import { readFileSync } from "node:fs";
import path from "node:path";

// A new password is refused when it is one everybody tries first (docs/decisions/023-second-factor.md;
// NIST SP 800-63B §3.1.1.2 and ASVS 5.0 6.2.4 ask for a check against such a list). The list
// ships with the project (data/common-passwords.txt, its source and licence beside it) and is
// read once per process, on the first password set. Server code only: it reads the file.

/** Words of this site an attacker would try first, whatever the lists say. */
const SITE_WORDS = ["hustings", "election", "elections", "plenipotentiary", "candidate", "secretariat", "itu"];

let loaded: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  loaded ??= new Set([
    ...readFileSync(path.join(process.cwd(), "data/common-passwords.txt"), "utf8")
      .split("\n")
      .filter((line) => line.length > 0),
    ...SITE_WORDS,
  ]);
  return loaded;
}

/** Digits and punctuation stuck on either end of a word ("password1234", "!!dragon2026"). */
const AFFIX = /^[\d\p{P}\p{S}\s]+|[\d\p{P}\p{S}\s]+$/gu;

/**
 * Whether `password` is on the list, or is a listed word with digits or punctuation around
 * it, or one listed word said twice ("monkeymonkey"). Case does not matter.
 */
export function isCommonPassword(password: string, list: ReadonlySet<string> = commonPasswords()): boolean {
  const lower = password.normalize("NFKC").toLowerCase();
  if (list.has(lower)) return true;
  const core = lower.replace(AFFIX, "");
  if (core.length > 0 && list.has(core)) return true;
  const half = core.length / 2;
  return half > 0 && Number.isInteger(half) && core.slice(0, half) === core.slice(half) && list.has(core.slice(0, half));
}
