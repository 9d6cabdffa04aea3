import { getTranslations } from "next-intl/server";
import { SelectField, TextAreaField } from "@/components/forms/fields";
import { postName } from "@/lib/elections/post-name";
import { QUESTIONNAIRE_LIMITS, QUESTIONNAIRE_LOCALES, TEXT_FIELD, type QuestionnaireLocale } from "@/lib/questionnaire/schema";

// English first, as Post.names: the one required text.
const ORDER: QuestionnaireLocale[] = ["en", ...QUESTIONNAIRE_LOCALES.filter((l) => l !== "en")];

/** A question's texts in the six languages (English required) and the post it is for. */
export async function QuestionFields({
  locale,
  posts,
  question,
}: {
  locale: string;
  posts: { id: string; code: string; names: unknown }[];
  question?: { texts: Record<string, string>; postId: string | null };
}) {
  const t = await getTranslations({ locale, namespace: "adminQuestionnaire" });
  const languages = new Intl.DisplayNames([locale], { type: "language" });
  return (
    <>
      <SelectField
        name="postId"
        label={t("postScope")}
        description={t("postScopeHelp")}
        defaultValue={question?.postId ?? ""}
        placeholder={t("allPosts")}
        options={posts.map((p) => ({ value: p.id, label: `${p.code} — ${postName(p.names, locale)}` }))}
      />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">{t("textsLegend")}</legend>
        {ORDER.map((l) => (
          <TextAreaField
            key={l}
            name={TEXT_FIELD[l]}
            label={t("textIn", { language: languages.of(l) ?? l })}
            required={l === "en"}
            defaultValue={question?.texts[l]}
            maxLength={QUESTIONNAIRE_LIMITS.question}
            rows={3}
          />
        ))}
      </fieldset>
    </>
  );
}
