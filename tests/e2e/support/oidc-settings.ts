// Where the tests' local OpenID Connect provider (./oidc-provider.ts) listens and how the app
// knows it: read by playwright.config.ts (the app's OIDC_* variables), by global-setup.ts
// (which starts it) and by the specs. No import of the provider itself, so loading the
// configuration in every worker stays light.

export const TEST_OIDC = {
  clientId: "hustings-e2e",
  clientSecret: "e2e-only-client-secret",
  name: "Test Organisation Sign-On",
} as const;

/** The app's port, as playwright.config.ts serves it. */
export function e2eAppPort(): number {
  return Number(process.env.E2E_PORT ?? 3100);
}

/** A port of its own for each app port, so that runs side by side never share a provider. */
export function testOidcPort(appPort = e2eAppPort()): number {
  return appPort + 1000;
}

export function testOidcIssuer(appPort = e2eAppPort()): string {
  return `http://127.0.0.1:${testOidcPort(appPort)}`;
}

/** The app's OIDC_* variables for that provider. */
export function testOidcEnv(appPort = e2eAppPort()): Record<string, string> {
  return {
    OIDC_ISSUER: testOidcIssuer(appPort),
    OIDC_CLIENT_ID: TEST_OIDC.clientId,
    OIDC_CLIENT_SECRET: TEST_OIDC.clientSecret,
    OIDC_NAME: TEST_OIDC.name,
  };
}
