import { expect, type Page } from "@playwright/test";
import type { PrismaClient } from "../../../lib/db/client";
import { newTotpSecret, sealTotpSecretWith, totpCode, totpKeyFrom } from "../../../lib/second-factor/totp-core";

// The second factor in the sign-in specs (docs/decisions/023-second-factor.md): an account
// enrolled by writing its sealed secret with the test server's key (TOTP_SEALING_KEY, or
// derived from its AUTH_SECRET, as the server does), and the code an authenticator app would
// show, computed here with the same library.

const AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789";

function key(): Buffer {
  const found = totpKeyFrom({ TOTP_SEALING_KEY: process.env.TOTP_SEALING_KEY, AUTH_SECRET });
  if (!found) throw new Error("no TOTP key");
  return found;
}

/** Turns the factor on for `userId` with a new secret, which is returned. */
export async function enrolSecondFactor(db: PrismaClient, userId: string): Promise<string> {
  const secret = newTotpSecret();
  await db.user.update({ where: { id: userId }, data: { totpSecret: sealTotpSecretWith(key(), userId, secret), totpEnabledAt: new Date() } });
  return secret;
}

/** On the sign-in's second step: types the code of the moment and sends it. */
export async function giveSecondFactor(page: Page, secret: string, locale = "en"): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in/second-factor`), { timeout: 30_000 });
  await page.locator('input[name="code"]').fill(totpCode(secret));
  await page.locator('form button[type="submit"]').click();
}
