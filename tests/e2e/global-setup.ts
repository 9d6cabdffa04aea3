import { readFileSync } from "node:fs";
import { createDb } from "../../lib/db/client";
import { ADMISSIONS_AFTER_BASELINE, parseMemberStates } from "../../lib/member-states/csv";
import { startTestOidcProvider } from "./support/oidc-provider";
import { e2eAppPort, testOidcPort } from "./support/oidc-settings";

// No demo: every test builds the conference, posts, candidates and accounts it reads
// (tests/e2e/support/world.ts), so that specs run in any order and in parallel. What is
// loaded here is reference data no test changes: the Union's Member States, which the
// console offers as nominating states.
export default async function globalSetup() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (scripts/test.ts sets it)");
  await loadMemberStates(url);
  // The organisation's single sign-on, for members (tests/e2e/member-sso.spec.ts); stopped
  // by the teardown Playwright runs with what this returns.
  const appPort = e2eAppPort();
  const oidc = await startTestOidcProvider({ port: testOidcPort(appPort), redirectUri: `http://127.0.0.1:${appPort}/api/auth/callback/oidc` });
  return () => oidc.close();
}

async function loadMemberStates(url: string) {
  const rows = parseMemberStates(readFileSync(new URL("../../data/itu-member-states.csv", import.meta.url), "utf8"));
  const db = createDb(url);
  try {
    await db.memberState.createMany({
      data: rows.map((r) => {
        const admitted = ADMISSIONS_AFTER_BASELINE[r.iso3];
        return { iso3: r.iso3, iso2: r.iso2, nameEn: r.nameEn, region: r.region, admittedOn: admitted ? new Date(admitted) : null };
      }),
      skipDuplicates: true,
    });
  } finally {
    await db.$disconnect();
  }
}
