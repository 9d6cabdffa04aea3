import { NextResponse } from "next/server";
import { getCurrentConference } from "@/lib/conferences/context";

/** The address from before conferences were data: the current conference's CSV (docs/decisions/012). */
export async function GET(request: Request) {
  const current = await getCurrentConference();
  if (!current) return new NextResponse(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  return NextResponse.redirect(new URL(`/api/admin/conferences/${current.slug}/costs`, request.url), { status: 307, headers: { "Cache-Control": "no-store" } });
}
