import { areaLayout } from "@/components/areas/area-pages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { pageLocale } from "@/lib/i18n/page-locale";

const EthicsAreaLayout = areaLayout("ethics", "enter:ethics-area:any");

// The reviews' video players: their messages only (docs/decisions/036-page-weight.md; tests/unit/client-messages.test.ts).
export default async function EthicsLayout(props: LayoutProps<"/[locale]/ethics">) {
  const locale = await pageLocale(props.params);
  return (
    <ClientMessages locale={locale} namespaces={["errorPages", "video", "mediaOrigins"]}>
      <EthicsAreaLayout {...props} />
    </ClientMessages>
  );
}

// Signed-in pages render per request (their nonce-based policy needs it).
export const dynamic = "force-dynamic";
