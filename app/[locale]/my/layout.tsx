import { areaLayout } from "@/components/areas/area-pages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { pageLocale } from "@/lib/i18n/page-locale";

const MyAreaLayout = areaLayout("my", "enter:workspace:own");

// The workspace's forms, uploads and video players: their messages only (docs/decisions/036-page-weight.md; tests/unit/client-messages.test.ts).
export default async function MyLayout(props: LayoutProps<"/[locale]/my">) {
  const locale = await pageLocale(props.params);
  return (
    <ClientMessages locale={locale} namespaces={["errorPages", "confirm", "video", "mediaOrigins"]}>
      <MyAreaLayout {...props} />
    </ClientMessages>
  );
}

// Signed-in pages render per request (their nonce-based policy needs it).
export const dynamic = "force-dynamic";
