import "server-only";
import { DomainError } from "@/lib/errors/domain-error";
import { isCommonPassword } from "./common-passwords";

/** Wherever a password is set: one on the common list is refused, on the password field (docs/decisions/023-second-factor.md). */
export function assertNotCommonPassword(password: string): void {
  if (isCommonPassword(password)) throw new DomainError("INVALID_INPUT", { fieldErrors: { password: "passwordReset.commonPassword" } });
}
