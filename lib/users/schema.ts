import { checkbox, text } from "@/lib/validation/fields";
import { ROLES } from "@/lib/auth/permissions";
import { z } from "@/lib/validation/zod";

// Limits shared by the users page and the services (docs/conventions.md#schemas-and-limits).
export const USER_LIMITS = { email: 254, name: 200, id: 64, passwordMin: 12, passwordMax: 200 } as const;

const id = z.string().trim().min(1).max(USER_LIMITS.id);
/** An optional record id from a select whose empty option means "none". */
const optionalId = z
  .string()
  .trim()
  .max(USER_LIMITS.id)
  .nullish()
  .transform((v) => (v ? v : null));

/** Stored lower-case, so that one address is one account whatever its spelling. */
const email = z.string().trim().toLowerCase().min(1).max(USER_LIMITS.email).pipe(z.email());

export const role = z.enum(ROLES);

export const createUserSchema = z
  .object({
    email,
    name: text(USER_LIMITS.name),
    role,
    candidateId: optionalId,
    memberStateId: optionalId,
    nationalityId: optionalId,
    // An unticked box is absent from the form data; lib/validation/fields.ts `checkbox` alone requires the key.
    isStaff: checkbox.optional().transform((v) => v === true),
  })
  .refine((u) => u.role !== "CANDIDATE" || u.candidateId !== null, { path: ["candidateId"], error: "adminUsers.candidateRequired" });

export type CreateUserInput = z.input<typeof createUserSchema>;

/**
 * The account's details, as the edit form sends them all: the administration and the
 * nationality are two fields (docs/domain.md#hearing-chair-impartial), each a Member State or none.
 */
export const updateUserSchema = z.object({
  userId: id,
  email,
  name: text(USER_LIMITS.name),
  memberStateId: optionalId,
  nationalityId: optionalId,
  isStaff: checkbox.optional().transform((v) => v === true),
});

export const userRefSchema = z.object({ userId: id });

/** The "forgot your password" form: only the address. */
export const resetRequestSchema = z.object({ email });

/** The accounts list: a page of this many rows, and a search as long as the longest address. */
export const USERS_LIST = { pageSize: 50, query: USER_LIMITS.email } as const;

/** The first value of a query-string parameter, as text ("" when absent). */
const param = (v: unknown) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * What the accounts list is asked for in its address. Nothing here refuses: a search is
 * whatever was typed (control characters dropped, trimmed; one longer than any address or
 * name simply finds nothing), and a page that is not a whole number from 1 is the first.
 */
export const usersListSchema = z.object({
  q: z.preprocess(
    param,
    z
      .string()
      .catch("")
      // Control characters (a NUL above all) cannot be in a name or an address, and Postgres refuses a NUL in text.
      .transform((v) => v.replace(/[\u0000-\u001f\u007f]/g, " ").trim()),
  ),
  // A page past the end is the last one (the service knows where the end is).
  page: z.preprocess(
    param,
    z.unknown().transform((v) => {
      const n = Number(v);
      return Number.isInteger(n) && n >= 1 ? Math.min(n, Number.MAX_SAFE_INTEGER) : 1;
    }),
  ),
});

export type UsersListInput = z.input<typeof usersListSchema>;

export const changeRoleSchema = z
  .object({ userId: id, role, candidateId: optionalId })
  .refine((u) => u.role !== "CANDIDATE" || u.candidateId !== null, { path: ["candidateId"], error: "adminUsers.candidateRequired" });

/** Code points, not UTF-16 units: a password in any script counts as the reader counts it. */
export function passwordLength(password: string): number {
  return [...password].length;
}

const password = z
  .string()
  .refine((p) => passwordLength(p) >= USER_LIMITS.passwordMin, { error: `tooShort:${USER_LIMITS.passwordMin}` })
  .refine((p) => passwordLength(p) <= USER_LIMITS.passwordMax, { error: `tooLong:${USER_LIMITS.passwordMax}` });

export const setPasswordSchema = z
  .object({
    token: z.string().min(1).max(200),
    password,
    passwordConfirm: z.string(),
  })
  .refine((p) => p.password === p.passwordConfirm, { path: ["passwordConfirm"], error: "auth.passwordsDiffer" });
