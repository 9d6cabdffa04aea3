import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { USER_LIMITS } from "@/lib/users/schema";
import { z } from "@/lib/validation/zod";
import type { SignedInUser } from "@/lib/auth/sign-in";
import { SSO_REFUSALS } from "./sso-codes";

export type SsoConfig = { issuer: string; clientId: string; clientSecret: string; name: string | null };

/** The organisation's OpenID Connect provider, when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set (lib/env.ts checks they come together). */
export function ssoConfig(): SsoConfig | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME } = env();
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  return { issuer: OIDC_ISSUER.replace(/\/+$/, ""), clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET, name: OIDC_NAME ?? null };
}

/** What we use of the provider's claims (ID token and userinfo, merged). */
const claimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string().trim().toLowerCase().max(USER_LIMITS.email).pipe(z.email()),
  // Some providers send the JSON boolean as a string.
  email_verified: z.union([z.boolean(), z.literal("true"), z.literal("false")]).transform((v) => v === true || v === "true"),
  name: z.string().trim().max(USER_LIMITS.name).optional().catch(undefined),
});

function refuse(refusal: keyof typeof SSO_REFUSALS): never {
  throw new DomainError("FORBIDDEN", { messageKey: `auth.${SSO_REFUSALS[refusal]}` });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

const SELECT = { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true, totpEnabledAt: true } as const;

/**
 * The sign-in rule for the organisation's single sign-on. The provider must vouch for the
 * e-mail address. Single sign-on is for members: an existing account signs in as itself only
 * if it is an enabled MEMBER; the staff roles keep their passwords, so that no account at the
 * provider can ever become the secretariat, a chair, the Ethics Office or a candidate. An
 * unknown address becomes a MEMBER (the organisation's provider vouches for membership),
 * recorded in the audit log with no actor.
 */
export async function signInWithSso(rawClaims: unknown): Promise<SignedInUser> {
  const parsed = claimsSchema.safeParse(rawClaims);
  if (!parsed.success || !parsed.data.email_verified) refuse("SsoEmailUnverified");
  const claims = parsed.data;

  for (let attempt = 0; ; attempt++) {
    const existing = await db().user.findUnique({ where: { email: claims.email }, select: SELECT });
    if (existing) {
      if (existing.disabledAt) refuse("SsoAccountDisabled");
      if (existing.role !== "MEMBER") refuse("SsoStaffAccount");
      return {
        id: existing.id,
        email: existing.email,
        name: existing.name,
        role: existing.role,
        sessionVersion: existing.sessionVersion,
        totpEnabledAt: existing.totpEnabledAt,
      };
    }
    try {
      return await db().$transaction(async (tx) => {
        const user = await tx.user.create({
          data: { email: claims.email, name: claims.name || claims.email, role: "MEMBER" },
          select: SELECT,
        });
        await emitAudit(tx, {
          actor: null,
          area: "user",
          action: "created-by-sso",
          entity: "User",
          entityId: user.id,
          after: { email: user.email, name: user.name, role: user.role, issuerSubject: claims.sub },
        });
        return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, totpEnabledAt: user.totpEnabledAt };
      });
    } catch (error) {
      // The same person's first sign-in in two tabs at once: the other one created the
      // account, so decide again on what is now there.
      if (isUniqueViolation(error) && attempt === 0) continue;
      throw error;
    }
  }
}
