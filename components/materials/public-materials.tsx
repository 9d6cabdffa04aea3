import { getTranslations } from "next-intl/server";
import { renderMarkdown } from "@/lib/markdown/render";
import type { PublicCampaign } from "@/lib/materials/materials-queries";
import { CampaignVideo } from "@/components/candidates/campaign-video";

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
          {/* A list, not a second <dl>: the page keeps one description list, the candidature's.
              Its labels are <b>, styled by the list's class (app/globals.css): the markup is sent
              twice, in the page and in its flight payload (docs/decisions/036-page-weight.md). */}
          <ul className="contact-list">
            {campaign.languages.length > 0 ? (
              <li>
                <b>{`${t("languages")}: `}</b>
                <span dir="auto">{campaign.languages.join(" · ")}</span>
              </li>
            ) : null}
            {campaign.website ? (
              <li>
                <b>{`${t("website")}: `}</b>
                <a href={campaign.website} rel="nofollow noopener noreferrer" dir="ltr" className="link break-all">
                  {campaign.website}
                </a>
              </li>
            ) : null}
            {campaign.contactEmail ? (
              <li>
                <b>{`${t("contactEmail")}: `}</b>
                <a href={`mailto:${campaign.contactEmail}`} dir="ltr" className="link break-all">
                  {campaign.contactEmail}
                </a>
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
                  {campaign.withdrawn ? ` · ${t("withdrawnBadge")}` : null}
                </p>
                {m.kind === "STATEMENT" && m.body ? (
                  <div lang={m.language} dir="auto" className="max-w-prose space-y-3 [overflow-wrap:anywhere]">
                    {renderMarkdown(m.body)}
                  </div>
                ) : null}
                {m.kind === "VIDEO" && m.video ? (
                  <CampaignVideo
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
