import { getTranslations } from "next-intl/server";
import type { PublicFiles } from "@/lib/candidates/public-files";

/** The CV and the published brochures' PDFs on the public candidate page; nothing when there are none. */
export async function PublicFileLinks({ files, locale }: { files: PublicFiles; locale: string }) {
  if (!files.cvKey && files.brochures.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "workspace" });
  const names = new Intl.DisplayNames([locale], { type: "language" });
  return (
    <section aria-labelledby="campaign-documents" className="space-y-3">
      <h2 id="campaign-documents" className="heading">
        {t("documentsHeading")}
      </h2>
      <ul className="space-y-2">
        {files.cvKey ? (
          <li>
            <a href={`/api/files/${files.cvKey}`} className="link" data-testid="public-cv">
              {t("openCv")}
            </a>
          </li>
        ) : null}
        {files.brochures.map((b) => (
          <li key={b.id}>
            <a href={`/api/files/${b.fileKey}`} className="link" data-testid="public-brochure">
              {t("openBrochure", { title: b.title, language: names.of(b.language) ?? b.language })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
