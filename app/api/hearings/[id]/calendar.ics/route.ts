import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { buildIcs } from "@/lib/calendar/ics";
import { readWebcastView } from "@/lib/hearings/webcast";
import { routing } from "@/lib/i18n/routing";

export const dynamic = "force-dynamic";

/**
 * The hearing as a calendar event ("Add to calendar" in the members' area). Public, like the
 * hearing's page: its time, place and address. `?locale=` chooses the summary's language.
 * The event lasts the running order's planned time (every candidate the same, ¶6).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const view = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await readWebcastView(id) : null;
  if (!view) {
    return new Response("Not found.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    });
  }
  const url = new URL(request.url);
  const asked = url.searchParams.get("locale");
  const locale = asked && hasLocale(routing.locales, asked) ? asked : routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: "areas.member" });
  const start = new Date(view.startsAt);
  const slotMinutes = view.presentationMinutes + view.qaMinutes;
  const end = new Date(start.getTime() + Math.max(1, view.slots.length) * slotMinutes * 60_000);
  const ics = buildIcs({
    uid: `hearing-${view.hearingId}@${url.host}`,
    stamp: new Date(),
    start,
    end,
    summary: t("calendarSummary", { conference: view.conferenceName }),
    location: view.venue,
    url: `${url.origin}/${locale}/hearing/${view.hearingId}`,
  });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="hearing-${view.hearingId}.ics"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
