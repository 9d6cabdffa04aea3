import { readFileSync } from "node:fs";
import { createDb, type PrismaClient } from "../../lib/db/client";
import { asAppRole, inspectRolePowers } from "../../lib/db/roles";
import { ADMISSIONS_AFTER_BASELINE, parseMemberStates } from "../../lib/member-states/csv";
import { startTestOidcProvider } from "./support/oidc-provider";
import { launchSecondServer } from "./support/second-server";
import { e2eAppPort, testOidcPort } from "./support/oidc-settings";

// No demo: every test builds the conference, posts, candidates and accounts it reads
// (tests/e2e/support/world.ts), so that specs run in any order and in parallel. What is
// loaded here, no test changes: the Union's Member States (reference data the console offers
// as nominating states), and a current conference with nothing in it, as a deployment has
// one; without it the unprefixed pages every header links to (/posts) would answer 404 to
// the browser's prefetch, a console error in whichever test rendered the link.
export default async function globalSetup() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (scripts/test.ts sets it)");
  await expectAppRoleRestricted(url);
  const db = createDb(url);
  try {
    await loadMemberStates(db);
    await makeBackdropConference(db);
  } finally {
    await db.$disconnect();
  }
  // The organisation's single sign-on, for members (tests/e2e/member-sso.spec.ts); stopped
  // by the teardown Playwright runs with what this returns.
  const appPort = e2eAppPort();
  const oidc = await startTestOidcProvider({ port: testOidcPort(appPort), redirectUri: `http://127.0.0.1:${appPort}/api/auth/callback/oidc` });
  // The suite's second server (./support/second-server.ts), coming up while the first tests run.
  const stopSecondServer = await launchSecondServer();
  return async () => {
    await stopSecondServer();
    await oidc.close();
  };
}

/**
 * The server under test connects as hustings_app (playwright.config.ts): it must log in, and hold
 * no power over the audit log beyond adding to it (docs/decisions/015-database-roles.md), so that
 * every journey shows the app works with no more than that.
 */
async function expectAppRoleRestricted(ownerUrl: string) {
  const found = await inspectRolePowers(asAppRole(ownerUrl, process.env.TEST_APP_ROLE_PASSWORD)).catch((error: unknown) => {
    throw new Error(
      "the app's role hustings_app cannot connect to the test database: the server must trust local connections, or TEST_APP_ROLE_PASSWORD give its password",
      { cause: error },
    );
  });
  if (found.powers.length > 0) throw new Error(`the app's role ${found.role} ${found.powers.join(", ")}: the end-to-end server must run without those`);
}

async function loadMemberStates(db: PrismaClient) {
  const rows = parseMemberStates(readFileSync(new URL("../../data/itu-member-states.csv", import.meta.url), "utf8"));
  await db.memberState.createMany({
    data: rows.map((r) => {
      const admitted = ADMISSIONS_AFTER_BASELINE[r.iso3];
      return { iso3: r.iso3, iso2: r.iso2, nameEn: r.nameEn, region: r.region, admittedOn: admitted ? new Date(admitted) : null };
    }),
    skipDuplicates: true,
  });
}

/** Dated 2022, clear of the world's conferences (2030, and the years the specs pick after 2100). */
async function makeBackdropConference(db: PrismaClient) {
  const current = await db.conference.findFirst({ where: { isCurrent: true }, select: { id: true } });
  if (current) return;
  await db.conference.upsert({
    where: { slug: "e2e-backdrop" },
    create: {
      slug: "e2e-backdrop",
      name: "Backdrop Conference",
      city: "Geneva",
      opensOn: new Date("2022-09-26"),
      closesOn: new Date("2022-10-14"),
      timeZone: "Europe/Zurich",
      isCurrent: true,
    },
    update: { isCurrent: true },
  });
}
