import { getTranslations } from "next-intl/server";
import { SelectField, TextField } from "@/components/forms/fields";
import { NAME_LOCALES, POST_KINDS, POST_LIMITS, REGIONS } from "@/lib/elections/post-schema";

type Names = Partial<Record<(typeof NAME_LOCALES)[number], string>>;

export type PostDefaults = { code: string; kind: string; region: string | null; seats: number; sortOrder: number; names: Names };

const FIELD: Record<(typeof NAME_LOCALES)[number], string> = { en: "nameEn", fr: "nameFr", es: "nameEs", ar: "nameAr", ru: "nameRu", zh: "nameZh" };

/** The fields of the create and edit forms; names in the six languages, English required. */
export async function PostFields({ locale, post }: { locale: string; post?: PostDefaults }) {
  const t = await getTranslations({ locale, namespace: "adminPosts" });
  const regions = await getTranslations({ locale, namespace: "regions" });
  const languages = new Intl.DisplayNames([locale], { type: "language" });
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="code" label={t("code")} description={t("codeHelp")} required defaultValue={post?.code} maxLength={POST_LIMITS.code} dir="ltr" />
        <SelectField
          name="kind"
          label={t("kind")}
          required
          defaultValue={post?.kind ?? "ELECTED_OFFICIAL"}
          options={POST_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <SelectField
          name="region"
          label={t("region")}
          description={t("regionHelp")}
          defaultValue={post?.region ?? ""}
          placeholder={t("noRegion")}
          options={REGIONS.map((r) => ({ value: r, label: t("regionOption", { region: r, name: regions(r) }) }))}
        />
        <TextField name="seats" type="number" label={t("seats")} required defaultValue={post?.seats ?? 1} min={1} max={POST_LIMITS.seats} inputMode="numeric" />
        <TextField
          name="sortOrder"
          type="number"
          label={t("sortOrder")}
          description={t("sortOrderHelp")}
          defaultValue={post?.sortOrder ?? 0}
          min={0}
          max={POST_LIMITS.sortOrder}
          inputMode="numeric"
        />
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">{t("namesLegend")}</legend>
        {NAME_LOCALES.map((l) => (
          <TextField
            key={l}
            name={FIELD[l]}
            label={t("nameIn", { language: languages.of(l) ?? l })}
            required={l === "en"}
            defaultValue={post?.names[l]}
            maxLength={POST_LIMITS.name}
            dir={l === "ar" ? "rtl" : "auto"}
          />
        ))}
      </fieldset>
    </>
  );
}
