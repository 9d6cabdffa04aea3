import { getTranslations } from "next-intl/server";
import { CheckboxField, SelectField, TextField } from "@/components/forms/fields";
import { CANDIDATE_LIMITS } from "@/lib/candidates/schema";
import { postName } from "@/lib/elections/post-name";
import { memberStateName } from "@/lib/member-states/names";

type Options = {
  posts: { id: string; code: string; names: unknown; retiredAt: Date | null }[];
  states: { id: string; iso2: string; nameEn: string }[];
};

type Defaults = { name: string; postId: string; memberStateId: string; isInternal: boolean };

/** Name, post, nominating Member State and the internal flag: the register and edit forms. */
export async function CandidatureFields({ locale, options, candidate }: { locale: string; options: Options; candidate?: Defaults }) {
  const t = await getTranslations({ locale, namespace: "adminCandidates" });
  // A retired post is offered only to the candidature that already stands for it.
  const posts = options.posts.filter((p) => !p.retiredAt || p.id === candidate?.postId);
  const collator = new Intl.Collator(locale);
  const states = options.states.map((s) => ({ value: s.id, label: memberStateName(locale, s) })).sort((a, b) => collator.compare(a.label, b.label));
  return (
    <>
      <TextField name="name" label={t("name")} required defaultValue={candidate?.name} maxLength={CANDIDATE_LIMITS.name} autoComplete="off" />
      <SelectField
        name="postId"
        label={t("post")}
        required
        defaultValue={candidate?.postId}
        placeholder={t("choosePost")}
        options={posts.map((p) => ({ value: p.id, label: `${postName(p.names, locale)} (${p.code})` }))}
      />
      <SelectField
        name="memberStateId"
        label={t("memberState")}
        description={t("memberStateHelp")}
        required
        defaultValue={candidate?.memberStateId}
        placeholder={t("chooseState")}
        options={states}
      />
      <CheckboxField name="isInternal" label={t("isInternal")} description={t("isInternalHelp")} defaultChecked={candidate?.isInternal} />
    </>
  );
}
