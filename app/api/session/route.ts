import { AREA_HOME } from "@/lib/auth/area";
import { getCurrentUser } from "@/lib/auth/current-user";

export const dynamic = "force-dynamic";

/**
 * Who is signed in, for the site header. Public pages are cached for everyone
 * (docs/cache.md, "The header"), so the header asks this per request from the browser;
 * it answers only the name, the role and the area's path, never cached.
 */
export async function GET() {
  const user = await getCurrentUser();
  const body = user ? { user: { name: user.name, role: user.role, area: AREA_HOME[user.role] } } : { user: null };
  return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
}
