import { getCurrentUser } from "@/lib/auth/current-user";
import { translator } from "@/lib/i18n/translator";
import { chairQueueReader } from "@/lib/hearings/questions";
import { json, refusalResponse, requestLocale } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

// The bounded rate (docs/toolchain.md#listen-and-notify: questions do not NOTIFY one by one, so the chair's page
// polls): this instance reads a hearing's queue from the database at most once every
// QUEUE_REFRESH_MS (2 s), however many chair tabs or refreshes ask; in between they get
// that read again (its `refreshedAt` says when it was made). Whoever asks is still
// authorised on every request, as the hearing's chair.
const readQueue = chairQueueReader();

/** The chair's question queue for the hearing, as JSON; never cached by the browser or a proxy. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    return json(200, await readQueue(await getCurrentUser(), id));
  } catch (error) {
    return refusalResponse(await translator(requestLocale(request), ["hearingLive", "errors", "serviceBusy"]), error);
  }
}
