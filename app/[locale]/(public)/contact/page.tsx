import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InfoPage, InfoSection } from "@/components/site/info-page";

import { pageLocale } from "@/lib/i18n/page-locale";
import { secretariatContact } from "@/lib/site/contact";
import { pageMetadata } from "@/lib/site/page-metadata";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "site.contact" });
  return pageMetadata(locale, "/contact", { title: t("title") });
}

// The secretariat's address is the deployment's (CONTACT_* in the environment, lib/site/contact.ts),
// read when the page is served rather than baked into the build (hence rendered per request, a
// small page); without it, the demo's made-up address, said to be one. A candidate's contact is
// on their own page.
export const dynamic = "force-dynamic";

export default async function ContactPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "site.contact" });
  const contact = secretariatContact();
  return (
    <InfoPage title={t("title")} intro={t("intro")} testId="site-contact">
      <InfoSection id="secretariat" title={t("secretariatTitle")}>
        <p>{t("secretariat")}</p>
        {contact.isDemo ? (
          <p className="border-s-4 border-amber-600 bg-amber-50 p-3 text-amber-950" data-testid="contact-demo-notice">
            {t("demoNotice")}
          </p>
        ) : null}
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]" data-testid="contact-details">
          {contact.email ? (
            <>
              <dt className="font-semibold">{t("emailLabel")}</dt>
              <dd>
                <a href={`mailto:${contact.email}`} className="underline" dir="ltr">
                  {contact.email}
                </a>
              </dd>
            </>
          ) : null}
          {contact.phone ? (
            <>
              <dt className="font-semibold">{t("phoneLabel")}</dt>
              <dd>
                <a href={`tel:${contact.phone.replace(/[^+\d]/g, "")}`} className="underline" dir="ltr">
                  {contact.phone}
                </a>
              </dd>
            </>
          ) : null}
          {contact.address.length > 0 ? (
            <>
              <dt className="font-semibold">{t("addressLabel")}</dt>
              <dd>
                <address className="not-italic">
                  {contact.address.map((line, i) => (
                    <span key={i} className="block">
                      {line}
                    </span>
                  ))}
                </address>
              </dd>
            </>
          ) : null}
        </dl>
        <p>{t("delegations")}</p>
      </InfoSection>
      <InfoSection id="candidates" title={t("candidatesTitle")}>
        <p>{t("candidates")}</p>
      </InfoSection>
      <InfoSection id="privacy" title={t("privacyTitle")}>
        <p>{t("privacy")}</p>
      </InfoSection>
    </InfoPage>
  );
}
