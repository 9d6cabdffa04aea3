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

/**
 * The candidate's photograph when their profile is public (the caller passes `photoKey`
 * only then), else their initials, labelled as such. Width and height are set so that
 * the photo takes its space before it loads.
 */
const BOX = { sm: "h-16 w-16 text-xl", md: "h-24 w-24 text-3xl", lg: "h-32 w-32 text-4xl" } as const;
const PIXELS = { sm: 64, md: 96, lg: 128 } as const;
// A photo has no text: its box without the initials' font size.
const PHOTO = { sm: "h-16 w-16", md: "h-24 w-24", lg: "h-32 w-32" } as const;

export async function CandidateAvatar({ name, size, photoKey }: { name: string; size: keyof typeof BOX; photoKey?: string | null }) {
  const t = await getTranslations("candidate");
  const box = BOX[size];
  if (photoKey) {
    const w = await getTranslations("workspace");
    const pixels = PIXELS[size];
    return (
      // eslint-disable-next-line @next/next/no-img-element -- served by /api/files, which checks access itself; next/image would cache it elsewhere
      <img
        // A resized copy (the boxes are 64 to 128 CSS pixels): never the uploaded original, up to 5 MB.
        src={`/api/files/${photoKey}?w=128`}
        srcSet={`/api/files/${photoKey}?w=128 1x, /api/files/${photoKey}?w=256 2x, /api/files/${photoKey}?w=512 4x`}
        alt={w("photoAlt", { name })}
        width={pixels}
        height={pixels}
        className={`${PHOTO[size]} shrink-0 rounded-full object-cover`}
        data-testid="candidate-photo"
      />
    );
  }
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
