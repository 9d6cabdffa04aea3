import { getTranslations } from "next-intl/server";
import { acceptFor, DETECTED_TYPES, maxMegabytes, UPLOAD_RULES, type UploadKind } from "@/lib/uploads/limits";

/** The file input's `accept`, its translated hint and its size limit, all from the limits the server enforces. */
export async function uploadInput(locale: string, kind: UploadKind) {
  const t = await getTranslations({ locale, namespace: "uploads" });
  const types = UPLOAD_RULES[kind].types.map((type) => DETECTED_TYPES[type].extension.toUpperCase()).join(", ");
  return {
    accept: acceptFor(kind),
    hint: t("limitHint", { limit: maxMegabytes(kind), types }),
    maxBytes: UPLOAD_RULES[kind].maxBytes,
    tooLarge: t("tooLarge", { limit: maxMegabytes(kind) }),
  };
}
