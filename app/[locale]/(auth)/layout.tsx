import type { ReactNode } from "react";

// Sign-in and sign-out render per request, under the nonce-based policy.
export const dynamic = "force-dynamic";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return children;
}
