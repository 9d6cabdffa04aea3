import { areaLayout } from "@/components/areas/area-pages";

export default areaLayout("ethics", "enter:ethics-area:any");

// Signed-in pages render per request (their nonce-based policy needs it).
export const dynamic = "force-dynamic";
