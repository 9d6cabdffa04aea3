import type { PrismaClient } from "@/lib/db/client";
import { newSetupToken } from "@/lib/users/setup-token";
import { asActor, makeCandidate, makeConference, makeMemberState, makePost, makeUser } from "./factories";

/** A secretariat account and the actor the services see for it. */
export async function makeSecretariat(db: PrismaClient) {
  const user = await makeUser(db, "SECRETARIAT");
  return { user, actor: asActor(user) };
}

/** A candidature with no account, in a conference of its own. */
export async function makeFreeCandidature(db: PrismaClient) {
  const conference = await makeConference(db);
  const post = await makePost(db, conference.id);
  const state = await makeMemberState(db);
  return makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: state.id });
}

/** A user without a password and a working set-password link for them; the token is returned, as the secretariat would see it. */
export async function makePendingUser(db: PrismaClient, email: string, extra: { expiresAt?: Date } = {}) {
  const user = await db.user.create({ data: { email, name: `Pending ${email}`, role: "MEMBER" }, select: { id: true, sessionVersion: true } });
  const link = newSetupToken();
  await db.passwordSetupToken.create({ data: { userId: user.id, tokenHash: link.tokenHash, expiresAt: extra.expiresAt ?? link.expiresAt } });
  return { user, token: link.token };
}
