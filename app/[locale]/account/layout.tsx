import type { ReactNode } from "react";

// The account's own pages render per request, under the nonce-based policy (proxy.ts).
export const dynamic = "force-dynamic";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return children;
}
