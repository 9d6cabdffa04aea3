import { classifyInfrastructureError } from "@/lib/errors/infrastructure";
import { logInfrastructureFailure } from "@/lib/errors/log-infrastructure";
import { getLiveHearings, LIVE_TTL_MS } from "@/lib/hearings/live-now";
import { json } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

/**
 * The hearings live now, for the site-wide banner (docs/hearing-page.md). The same for every
 * visitor, so shared caches may keep it for a few seconds; never the pages themselves, which
 * would otherwise vary with the hearing's state (docs/cache.md).
 */
export async function GET() {
  const seconds = LIVE_TTL_MS / 1000;
  try {
    const live = await getLiveHearings();
    return json(
      200,
      { live: live.map(({ hearingId, conferenceName, isCurrent }) => ({ hearingId, conferenceName, isCurrent })) },
      {
        "Cache-Control": `public, max-age=${seconds}, s-maxage=${seconds}, stale-while-revalidate=30`,
      },
    );
  } catch (error) {
    // The banner is a courtesy: with the database busy or away it simply does not show, and
    // every page keeps working (docs/decisions/019-database-capacity.md); that answer is not kept.
    const failure = classifyInfrastructureError(error);
    if (!failure) throw error;
    logInfrastructureFailure(failure, error);
    return json(200, { live: [], unknown: true });
  }
}
