/**
 * Where to go once signed in, without the locale: only a path of ours under a locale is
 * followed (no open redirect), as on the sign-in page; anything else lands on the role's area.
 */
export function afterSignInPath(next: string | undefined): string {
  const match = /^\/[a-z]{2}(\/[A-Za-z0-9/_-]*)$/.exec(next ?? "");
  const path = match?.[1];
  return path && !path.startsWith("//") ? path : "/go";
}
