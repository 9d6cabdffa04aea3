import { randomBytes } from "node:crypto";
import { sharedPasswordHash, TEST_PASSWORD } from "./password-hash";
import type { Actor, RoleName } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/db/client";

// Small factories with unique names (docs/conventions.md#tests-own-their-data): every test makes the data it reads.

export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}

/** A NEW conference with a unique slug on every call (docs/decisions/012): no test shares one. */
export async function makeConference(
  db: PrismaClient,
  overrides: { opensOn?: string; closesOn?: string; timeZone?: string; isCurrent?: boolean; closedAt?: Date | null; name?: string; city?: string } = {},
) {
  const { opensOn = "2030-10-28", closesOn = opensOn === "2030-10-28" ? "2030-11-15" : opensOn, ...rest } = overrides;
  return db.conference.create({
    data: {
      slug: unique("conf"),
      name: unique("Test Conference"),
      city: "Geneva",
      timeZone: "Europe/Zurich",
      ...rest,
      opensOn: new Date(opensOn),
      closesOn: new Date(closesOn),
    },
  });
}

const REGION_NAMES = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

export async function makeMemberState(db: PrismaClient) {
  // iso3 in ISO 3166-1's user-assigned X.. range; iso2 any pair no state in this database
  // uses yet (real states are seeded in the end-to-end database). Bounded: a database that
  // runs out of codes fails loudly instead of looping.
  const letters = () => String.fromCharCode(65 + Math.floor(Math.random() * 26));
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const iso3 = `X${letters()}${letters()}`;
    const iso2 = `${letters()}${letters()}`;
    // Nor one the platform knows a region name for: pages name states from their iso2 in
    // languages other than English (lib/member-states/names.ts), and CLDR also names retired
    // codes ("VD" is shown as Viet Nam), which would put a real country on a test's page.
    if (REGION_NAMES.of(iso2) !== undefined) continue;
    const clash = await db.memberState.findFirst({ where: { OR: [{ iso3 }, { iso2 }] }, select: { id: true } });
    if (!clash) return db.memberState.create({ data: { iso3, iso2, nameEn: unique("State"), region: "B" } });
  }
  throw new Error("makeMemberState: no free test code left in this database");
}

export async function makePost(db: PrismaClient, conferenceId: string, code = unique("P").toUpperCase().slice(0, 24)) {
  return db.post.create({
    data: { conferenceId, code, kind: "ELECTED_OFFICIAL", names: { en: unique("Post") } },
  });
}

export async function makeCandidate(
  db: PrismaClient,
  input: { conferenceId: string; postId: string; memberStateId: string; status?: "ANNOUNCED" | "FORMAL"; vision?: string },
) {
  return db.candidate.create({
    data: {
      conferenceId: input.conferenceId,
      postId: input.postId,
      memberStateId: input.memberStateId,
      name: unique("Candidate"),
      status: input.status ?? "FORMAL",
      formallyReceivedAt: input.status === "ANNOUNCED" ? null : new Date("2030-09-01T10:00:00Z"),
      profiles: input.vision ? { create: { locale: "en", vision: input.vision, publishedAt: new Date() } } : undefined,
    },
  });
}

export type TestUser = { id: string; email: string; password: string; role: RoleName; candidateId: string | null };

/** The user as services see it. */
export function asActor(user: TestUser): Actor {
  return { id: user.id, role: user.role, candidateId: user.candidateId, disabled: false };
}

export async function makeUser(db: PrismaClient, role: RoleName, extra: { candidateId?: string; disabled?: boolean } = {}): Promise<TestUser> {
  const email = `${unique(role.toLowerCase())}@example.test`;
  const password = TEST_PASSWORD;
  const user = await db.user.create({
    data: {
      email,
      name: unique("User"),
      role,
      passwordHash: await sharedPasswordHash(password),
      candidateId: extra.candidateId ?? null,
      disabledAt: extra.disabled ? new Date() : null,
    },
  });
  return { id: user.id, email, password, role, candidateId: user.candidateId };
}
