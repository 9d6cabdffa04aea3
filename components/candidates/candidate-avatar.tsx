import { getTranslations } from "next-intl/server";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0] ?? "")
    .slice(0, 2)
    .join("")
    .toUpperCase();
}

/** The candidate's initials, labelled as such; photographs come with uploads (issue 4). */
export async function CandidateAvatar({ name, size }: { name: string; size: "sm" | "lg" }) {
  const t = await getTranslations("candidate");
  const box = size === "lg" ? "h-32 w-32 text-4xl" : "h-16 w-16 text-xl";
  return (
    <div
      role="img"
      aria-label={t("initialsLabel", { name })}
      className={`${box} flex shrink-0 items-center justify-center rounded-full bg-brand-800 font-semibold text-white`}
    >
      <span aria-hidden="true">{initials(name)}</span>
    </div>
  );
}
