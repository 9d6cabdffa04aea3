// One catalog file per namespace and locale (lib/i18n/messages/<locale>/<namespace>.json),
// so that areas of the interface are translated, reviewed and changed independently.
export const NAMESPACES = [
  "common",
  "nav",
  "time",
  "home",
  "posts",
  "post",
  "candidate",
  "status",
  "regions",
  "roles",
  "auth",
  "areas",
  "errors",
  "validation",
  "admin",
  "adminConference",
  "adminPosts",
  "adminCandidates",
  "adminUsers",
  "adminHearing",
  "adminCosts",
  "adminAudit",
] as const;

export type Namespace = (typeof NAMESPACES)[number];
