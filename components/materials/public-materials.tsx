import { getTranslations } from "next-intl/server";
import { renderMarkdown } from "@/lib/markdown/render";
import type { PublicCampaign } from "@/lib/materials/materials-queries";
import { VideoPlayer } from "@/components/video/video-player";

/** The public part of a campaign on the candidate's page: contact details and published material. */
export async function PublicMaterials({ campaign, locale }: { campaign: PublicCampaign; locale: string }) {
  const t = await getTranslations({ locale, namespace: "materials" });
  const names = new Intl.DisplayNames([locale], { type: "language" });
  const hasContact = Boolean(campaign.website || campaign.contactEmail || campaign.languages.length > 0);
  return (
    <>
      {hasContact ? (
        <section aria-labelledby="campaign-contact" className="space-y-3">
          <h2 id="campaign-contact" className="heading">
            {t("contactHeading")}
          </h2>
          {/* A list, not a second <dl>: the page keeps one description list, the candidature's. */}
          <ul className="space-y-2">
            {campaign.languages.length > 0 ? (
              <li>
                <span className="font-semibold">{`${t("languages")}: `}</span>
                <span dir="auto">{campaign.languages.join(" · ")}</span>
              </li>
            ) : null}
            {campaign.website ? (
              <li>
                <span className="font-semibold">{`${t("website")}: `}</span>
                <span dir="ltr" className="break-all">
                  <a href={campaign.website} rel="nofollow noopener noreferrer" className="link">
                    {campaign.website}
                  </a>
                </span>
              </li>
            ) : null}
            {campaign.contactEmail ? (
              <li>
                <span className="font-semibold">{`${t("contactEmail")}: `}</span>
                <span dir="ltr" className="break-all">
                  <a href={`mailto:${campaign.contactEmail}`} className="link">
                    {campaign.contactEmail}
                  </a>
                </span>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="campaign-material" className="space-y-4">
        <h2 id="campaign-material" className="heading">
          {t("heading")}
        </h2>
        {campaign.withdrawn ? (
          <p role="note" data-testid="withdrawn-note" className="rounded border border-slate-400 bg-slate-50 p-3">
            {t("withdrawnNote")}
          </p>
        ) : null}
        {campaign.materials.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="space-y-6">
            {campaign.materials.map((m) => (
              <li key={m.id} className="card space-y-2">
                <h3 className="text-xl font-semibold" lang={m.language} dir="auto">
                  {m.title}
                </h3>
                <p className="muted">
                  {t("summary", { kind: t(`kind.${m.kind}`), language: names.of(m.language) ?? m.language })}
                  {campaign.withdrawn ? ` · ${t("withdrawnBadge")}` : ""}
                </p>
                {m.kind === "STATEMENT" && m.body ? (
                  <div lang={m.language} dir="auto" className="max-w-prose space-y-3 [overflow-wrap:anywhere]">
                    {renderMarkdown(m.body)}
                  </div>
                ) : null}
                {m.kind === "VIDEO" && m.video ? (
                  <VideoPlayer
                    playback={m.video}
                    title={m.title}
                    // Its captions per language (docs/decisions/040-captions.md).
                    tracks={m.captionLanguages.map((language) => ({
                      kind: "captions",
                      src: `/api/materials/${encodeURIComponent(m.id)}/captions/${encodeURIComponent(language)}`,
                      srcLang: language,
                      label: names.of(language) ?? language,
                    }))}
                  />
                ) : null}
                {m.kind === "LINK" && m.url ? (
                  <p dir="ltr" className="break-all">
                    <a href={m.url} rel="nofollow noopener noreferrer" className="link">
                      {t("openLink", { title: m.title })}
                    </a>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
