import { getTranslations } from "next-intl/server";
import { workspacePage } from "@/components/areas/area-pages";
import { getOwnCandidature } from "@/lib/candidates/own";
import { postName } from "@/lib/elections/post-name";
import { Link } from "@/lib/i18n/navigation";
import { PublishNotice } from "@/components/campaign/publish-notice";

export default workspacePage("/my", async ({ user, locale }) => {
  const t = await getTranslations({ locale, namespace: "workspace" });
  const areas = await getTranslations({ locale, namespace: "areas.my" });
  const questionnaire = await getTranslations({ locale, namespace: "questionnaire.my" });
  const answers = await getTranslations({ locale, namespace: "hearingPool.workspace" });
  const clocks = await getTranslations({ locale, namespace: "hearingClocks.workspace" });
  const candidature = await getOwnCandidature(user);
  return (
    <section aria-labelledby="area-title" className="space-y-6">
      <h1 id="area-title" className="text-3xl font-bold">
        {areas("title")}
      </h1>
      {candidature ? (
        <>
          <p className="font-medium">{areas("boundTo", { name: candidature.name, post: postName(candidature.post.names, locale) })}</p>
          {/* 001, footnote 2: say plainly why nothing can go public yet. */}
          <PublishNotice status={candidature.status} locale={locale} />
          <ul className="grid gap-4 sm:grid-cols-2">
            {[
              { href: "/my/profile", title: t("profileTitle"), intro: t("profileIntro") },
              { href: "/my/materials", title: t("materialsTitle"), intro: t("materialsIntro") },
              { href: "/my/forum", title: t("forumTitle"), intro: t("forumIntro") },
              { href: "/my/questionnaire", title: questionnaire("title"), intro: questionnaire("cardIntro") },
              { href: "/my/hearing-answers", title: answers("cardTitle"), intro: answers("cardIntro") },
              { href: "/my/hearing", title: clocks("title"), intro: clocks("cardIntro") },
            ].map((card) => (
              <li key={card.href} className="rounded border border-slate-300 p-4">
                <Link href={card.href} className="text-lg font-semibold text-brand-700 underline underline-offset-4">
                  {card.title}
                </Link>
                <p className="mt-1 text-sm text-slate-700">{card.intro}</p>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("notBound")}</p>
      )}
    </section>
  );
});
