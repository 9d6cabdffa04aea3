import { USER_LIMITS } from "@/lib/users/schema";
import { z } from "@/lib/validation/zod";

// Shared by the second factor's forms and services (docs/conventions.md#schemas-and-limits).
export const SECOND_FACTOR_LIMITS_INPUT = { code: 40 } as const;

/** A six-digit code from the app, or (where allowed) a recovery code: the service tells which. */
const code = z.string().trim().min(1).max(SECOND_FACTOR_LIMITS_INPUT.code);

export const codeSchema = z.object({ code });

/** Turning the factor off or drawing new recovery codes: the password and a code again. */
export const reauthSchema = z.object({
  password: z
    .string()
    .min(1)
    .max(USER_LIMITS.passwordMax * 4),
  code,
});
