import { getTranslations } from "next-intl/server";
import { chairPage } from "@/components/areas/area-pages";
import { ChairProjector } from "@/components/hearing/chair-projector";
import { getChairHearing } from "@/lib/hearings/chair-console";
import { getPublicHearingState } from "@/lib/hearings/live-state";

/**
 * The room's screen (¶6): the clock, the speaker and the question on screen, full window,
 * for the projector in the hearing room. The chair opens it beside the console (same
 * `?hearing=` choice); it is the chair's, not a public page, because it is shown by the
 * room's own equipment and must follow a rehearsal as well as the real hearing, which no
 * public page may show. Viewers elsewhere have the webcast page.
 */
export default chairPage("/chair/projector", async ({ user, locale, searchParams }) => {
  const requested = typeof searchParams.hearing === "string" && searchParams.hearing !== "" ? searchParams.hearing : undefined;
  const hearing = await getChairHearing(user, requested);
  if (!hearing) {
    const t = await getTranslations({ locale, namespace: "hearingLive.console" });
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p data-testid="chair-no-hearing">{requested ? t("noHearing") : t("noUpcoming")}</p>
      </div>
    );
  }
  const state = await getPublicHearingState(hearing.id);
  if (!state) throw new Error(`Hearing ${hearing.id} vanished`);
  return (
    <ChairProjector
      hearingId={hearing.id}
      initial={state}
      total={hearing.progress.total}
      conferenceName={hearing.conferenceName}
      rehearsal={hearing.rehearsal}
    />
  );
});

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "hearingLive.projector" });
  return { title: t("pageTitle") };
}
