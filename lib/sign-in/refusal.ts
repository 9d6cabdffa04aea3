// How a refused password sign-in travels from next-auth's authorize() to the sign-in form:
// next-auth passes only an error string, so the refusal and its wait are written into it
// (docs/decisions/022-sessions-and-sign-in-limits.md). Shared by the server and the form.

export type SignInRefusal = { kind: "wait"; seconds: number } | { kind: "addressLimited"; seconds: number } | { kind: "busy"; seconds: number };

const PREFIX = "RATE_LIMITED";

/** The error string for a refusal, e.g. "RATE_LIMITED:wait:4". */
export function encodeSignInRefusal(refusal: SignInRefusal): string {
  return `${PREFIX}:${refusal.kind}:${Math.max(1, Math.ceil(refusal.seconds))}`;
}

/** The refusal an error string carries, or null for any other error. */
export function parseSignInRefusal(error: string | null | undefined): SignInRefusal | null {
  const match = /^RATE_LIMITED:(wait|addressLimited|busy):(\d{1,7})$/.exec(error ?? "");
  if (!match) return null;
  return { kind: match[1] as SignInRefusal["kind"], seconds: Number(match[2]) };
}

/** The refusal a rate-limit message key of lib/auth/sign-in.ts stands for. */
export function signInRefusalFor(messageKey: string | undefined, seconds: number): SignInRefusal {
  if (messageKey === "signInLimits.addressLimited") return { kind: "addressLimited", seconds };
  if (messageKey === "signInLimits.busy") return { kind: "busy", seconds };
  return { kind: "wait", seconds };
}
