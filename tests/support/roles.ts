import { expect } from "vitest";
import { ROLES, type Actor, type RoleName } from "@/lib/auth/permissions";
import { isDomainError } from "@/lib/errors/domain-error";

/** An actor of `role` that exists only in memory: enough for a refusal, which writes nothing. */
export function actorOf(role: RoleName, extra: Partial<Actor> = {}): Actor {
  return { id: `not-a-user-${role}`, role, candidateId: role === "CANDIDATE" ? "not-a-candidate" : null, disabled: false, ...extra };
}

async function codeOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "ALLOWED";
  } catch (error) {
    return isDomainError(error) ? error.code : `unexpected: ${String(error)}`;
  }
}

/**
 * docs/conventions.md#a-test-for-every-no: a test for every "no". Calls the service as an anonymous visitor, a disabled
 * account of the allowed role, and every other role, and expects each to be refused
 * before anything is read or written.
 */
export async function expectOnlyRoleAllowed(allowed: RoleName, call: (actor: Actor | null) => Promise<unknown>) {
  const outcomes: Record<string, string> = { anonymous: await codeOf(() => call(null)) };
  outcomes[`disabled ${allowed}`] = await codeOf(() => call(actorOf(allowed, { disabled: true })));
  for (const role of ROLES.filter((r) => r !== allowed)) outcomes[role] = await codeOf(() => call(actorOf(role)));
  const expected: Record<string, string> = { anonymous: "UNAUTHENTICATED", [`disabled ${allowed}`]: "FORBIDDEN" };
  for (const role of ROLES.filter((r) => r !== allowed)) expected[role] = "FORBIDDEN";
  expect(outcomes).toEqual(expected);
}

/** What a service refused with: its code, rule message and per-field keys. Fails if it did not refuse. */
export async function refusalOf(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, messageKey: error.messageKey, fieldErrors: error.fieldErrors, values: error.values };
    throw error;
  }
  throw new Error("expected a refusal");
}
