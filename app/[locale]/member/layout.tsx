import { areaLayout } from "@/components/areas/area-pages";

export default areaLayout("member", "enter:member-area:any");

// Signed-in pages render per request (their nonce-based policy needs it).
export const dynamic = "force-dynamic";
