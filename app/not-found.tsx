import { RootAccessFallback } from "@/components/layout/root-access-fallback";

// Replaces Next's default at the root of every page's tree (docs/decisions/036-page-weight.md).
export default function RootNotFound() {
  return <RootAccessFallback status={404} />;
}
