import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getCostsForAdmin } from "@/lib/costs/costs-admin";
import { toCsv } from "@/lib/costs/csv";

/** The cost breakdown as CSV: every item, then each state's share per currency (¶6). */
export async function GET() {
  // STYLE.md 1: a route handler checks the caller itself; proxy.ts is not the guard.
  const user = await getCurrentUser();
  if (!user) return new NextResponse(null, { status: 401, headers: { "Cache-Control": "no-store" } });
  if (!can(user, "manage:cost:any")) return new NextResponse(null, { status: 403, headers: { "Cache-Control": "no-store" } });
  const costs = await getCostsForAdmin(user);
  return new NextResponse(toCsv(costs), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="hearing-costs.csv"',
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
