import { seedDemo } from "../../prisma/seed";
import { startTestOidcProvider } from "./support/oidc-provider";
import { e2eAppPort, testOidcPort } from "./support/oidc-settings";

// The app needs its conference to render at all; the demo is that conference. Tests that
// change or depend on particular records make their own (tests/support/factories.ts).
export default async function globalSetup() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (scripts/test.ts sets it)");
  await seedDemo(url);
  // The organisation's single sign-on, for members (tests/e2e/member-sso.spec.ts); stopped
  // by the teardown Playwright runs with what this returns.
  const appPort = e2eAppPort();
  const oidc = await startTestOidcProvider({ port: testOidcPort(appPort), redirectUri: `http://127.0.0.1:${appPort}/api/auth/callback/oidc` });
  return () => oidc.close();
}
