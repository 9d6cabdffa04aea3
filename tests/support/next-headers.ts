// next/headers as a server action sent from a page of the site sees it: its Origin is the
// site's own (lib/actions/form-action.ts refuses anything else,
// docs/decisions/027-same-origin-and-members-only-stream.md). For tests that call a form's
// action directly: vi.mock("next/headers", () => import("../support/next-headers")).
const SITE = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL) : new URL("http://localhost");

export async function headers(): Promise<Headers> {
  return new Headers({ origin: SITE.origin, host: SITE.host });
}

export async function cookies(): Promise<never> {
  throw new Error("cookies() is not available in this test");
}
