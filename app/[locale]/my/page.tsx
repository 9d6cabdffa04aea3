import { getTranslations } from "next-intl/server";
import { areaOverviewPage } from "@/components/areas/area-pages";
import { getOwnCandidature } from "@/lib/candidates/own";
import { postName } from "@/lib/elections/post-name";

export default areaOverviewPage("my", "enter:workspace:own", async (user, locale) => {
  const candidature = await getOwnCandidature(user);
  if (!candidature) return null;
  const t = await getTranslations({ locale, namespace: "areas.my" });
  return <p className="font-medium">{t("boundTo", { name: candidature.name, post: postName(candidature.post.names, locale) })}</p>;
});
