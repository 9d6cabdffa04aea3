import "server-only";
import { readSessionCookie } from "@/lib/auth/user-session";
import type { PendingSession } from "./complete-sign-in";

/** The request's session if it still waits for its second factor; a full session or none is null. */
export async function pendingSession(): Promise<PendingSession | null> {
  const session = await readSessionCookie();
  return session?.pendingSecondFactor ? session : null;
}
