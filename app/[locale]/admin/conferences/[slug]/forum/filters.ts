import { FORUM_STATUSES, type ForumStatus } from "@/lib/forum/schema";

// The secretariat's filter of every forum's questions, read from the address (and written
// back into it after hiding, so that the page returns to the same list).

// A cuid (the app's own rows) or a UUID (the live demo's, prisma/demo/live.ts), as the candidate's
// public page takes them: nothing else reaches the query.
export const CANDIDATE_ID = /^(?:[a-z0-9]{20,40}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export type ForumFilter = { candidateId?: string; status?: ForumStatus };

function one(value: unknown): string | undefined {
  if (Array.isArray(value)) return one(value[0]);
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function readFilter(params: Record<string, unknown>): ForumFilter {
  const candidate = one(params.candidate);
  const status = one(params.status);
  return {
    candidateId: candidate && CANDIDATE_ID.test(candidate) ? candidate : undefined,
    status: status && (FORUM_STATUSES as readonly string[]).includes(status) ? (status as ForumStatus) : undefined,
  };
}

/** The query string of a filter (without "?"), with only the known, validated parameters. */
export function filterQuery(filter: ForumFilter, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  if (filter.candidateId) query.set("candidate", filter.candidateId);
  if (filter.status) query.set("status", filter.status);
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return query.toString();
}
