import { getCurrentUser } from "@/lib/auth/current-user";
import { getCachedWebcastView, webcastAccess } from "@/lib/hearings/webcast";
import { mayFollowWebcast } from "@/lib/hearings/webcast-rules";
import { json } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

/**
 * What this visitor may do with the hearing's webcast: the stream to play (or why not) and
 * whether they may send questions. Per request and private, so that the webcast page itself
 * stays cached for everyone and a members-only stream's source is never in it
 * (docs/domain.md#webcast-access). Anonymous visitors of a public hearing cost no session read.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const view = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await getCachedWebcastView(id) : null;
  if (!view) return json(404, { error: "NOT_FOUND" });
  const viewer = view.webcastAccess === "MEMBERS" ? await getCurrentUser() : null;
  const access = webcastAccess(view, viewer);
  // Questions follow the stream: a members-only hearing takes them from members (lib/hearings/questions.ts).
  const mayAsk = mayFollowWebcast(view.webcastAccess, viewer);
  return json(200, { access, mayAsk }, { "Cache-Control": "private, no-store", Vary: "Cookie" });
}
