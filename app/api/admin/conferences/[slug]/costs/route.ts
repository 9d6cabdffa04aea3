import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getConferenceBySlug } from "@/lib/conferences/context";
import { getCostsForAdmin } from "@/lib/costs/costs-admin";
import { toCsv } from "@/lib/costs/csv";

/** One conference's cost breakdown as CSV: every item, then each state's share per currency (¶6). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  // docs/conventions.md#authorise-where-the-data-is-touched: a route handler checks the caller itself; proxy.ts is not the guard.
  const user = await getCurrentUser();
  if (!user) return new NextResponse(null, { status: 401, headers: { "Cache-Control": "no-store" } });
  if (!can(user, "manage:cost:any")) return new NextResponse(null, { status: 403, headers: { "Cache-Control": "no-store" } });
  const conference = await getConferenceBySlug((await params).slug);
  if (!conference) return new NextResponse(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  const costs = await getCostsForAdmin(user, conference.id);
  return new NextResponse(toCsv(costs), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="hearing-costs-${conference.slug}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
