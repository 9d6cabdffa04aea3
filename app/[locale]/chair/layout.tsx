import { areaLayout } from "@/components/areas/area-pages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { pageLocale } from "@/lib/i18n/page-locale";

const ChairAreaLayout = areaLayout("chair", "enter:chair-area:any");

// The chair's console and projector, which run in the browser: their messages only (docs/decisions/036-page-weight.md; tests/unit/client-messages.test.ts).
export default async function ChairLayout(props: LayoutProps<"/[locale]/chair">) {
  const locale = await pageLocale(props.params);
  return (
    <ClientMessages
      locale={locale}
      namespaces={[
        "errorPages",
        "hearingLive",
        "questionSources",
        "hearingClocks.live",
        "confirm",
        "forum.ask",
        "liveConnection",
        "liveFallback",
        "site.notice",
      ]}
    >
      <ChairAreaLayout {...props} />
    </ClientMessages>
  );
}

// Signed-in pages render per request (their nonce-based policy needs it).
export const dynamic = "force-dynamic";
