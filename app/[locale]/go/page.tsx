import { pageLocale } from "@/lib/i18n/page-locale";
import { redirect } from "next/navigation";
import { AREA_HOME } from "@/lib/auth/area";
import { getCurrentUser } from "@/lib/auth/current-user";

// After sign-in, each role lands on its own area.
export default async function AfterSignIn({ params }: PageProps<"/[locale]/go">) {
  const locale = await pageLocale(params);
  const user = await getCurrentUser();
  redirect(user ? `/${locale}${AREA_HOME[user.role]}` : `/${locale}/sign-in`);
}

export const dynamic = "force-dynamic";
