/** Where "back" leads from an area's error or not-found page: the area's own home. */
export const ERROR_HOMES = { site: "/", admin: "/admin", my: "/my", ethics: "/ethics", member: "/member" } as const;
export type ErrorHome = keyof typeof ERROR_HOMES;
