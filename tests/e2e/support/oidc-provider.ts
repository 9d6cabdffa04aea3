import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import Provider from "oidc-provider";
import { TEST_OIDC } from "./oidc-settings";

// The tests' local OpenID Connect provider for members' single sign-on
// (docs/decisions/010-member-sso.md), played by `oidc-provider`. Started by tests/e2e/global-setup.ts on the
// port ./oidc-settings.ts derives from the app's; the app finds it through the OIDC_*
// variables playwright.config.ts gives the server under test.
//
// Its login page asks only for an e-mail address and vouches for it (email_verified: true),
// unless the address is written "unverified:<address>". Consent is given at once: the app is
// the organisation's own client.

const UNVERIFIED = "unverified:";

function claimsOf(accountId: string) {
  const unverified = accountId.startsWith(UNVERIFIED);
  const email = unverified ? accountId.slice(UNVERIFIED.length) : accountId;
  return { sub: accountId, email, email_verified: !unverified, name: `SSO ${email.split("@")[0]}` };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid: string): string {
  const action = `/interaction/${escapeHtml(uid)}/login`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test provider sign-in</title><link rel="icon" href="data:,"></head>
<body><main>
<h1>Test provider sign-in</h1>
<form method="post" action="${action}">
<label for="login">E-mail address at the provider</label>
<input id="login" name="login" type="text" required autocomplete="off">
<button type="submit">Continue to Hustings</button>
</form>
</main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export type TestOidcProvider = { issuer: string; close(): Promise<void> };

export async function startTestOidcProvider({ port, redirectUri }: { port: number; redirectUri: string }): Promise<TestOidcProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_OIDC.clientId,
        client_secret: TEST_OIDC.clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["e2e-only-cookie-key"] },
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "e2e", use: "sig", alg: "RS256" }] },
    features: { devInteractions: { enabled: false } },
    // Seconds; a test's round trip takes a few.
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    async findAccount(_ctx, sub) {
      return { accountId: sub, claims: () => claimsOf(sub) };
    },
    async loadExistingGrant(ctx) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, path: string) {
    const details = await provider.interactionDetails(req, res);
    if (req.method === "POST" && path.endsWith("/login")) {
      const login = (await readForm(req)).get("login")?.trim() ?? "";
      if (!login) {
        res.writeHead(400, { "content-type": "text/html; charset=utf-8" }).end(loginPage(details.uid));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(loginPage(details.uid));
  }

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    if (!path.startsWith("/interaction/")) {
      handle(req, res);
      return;
    }
    interaction(req, res, path).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`test provider: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) => reject(new Error(`The test OpenID Connect provider cannot listen on ${issuer}: ${error.message}`)));
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
