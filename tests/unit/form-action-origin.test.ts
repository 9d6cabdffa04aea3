import { describe, expect, it, vi } from "vitest";
import { translator } from "@/lib/i18n/translator";

// A form's action runs only when sent from a page of the site, checked where the change is
// made and not only in proxy.ts (lib/actions/form-action.ts,
// docs/decisions/027-same-origin-and-members-only-stream.md); the refusal is in the form's language.

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));
vi.mock("next/cache", () => ({ updateTag: () => undefined }));
vi.mock("next/navigation", () => ({ redirect: () => undefined }));
vi.mock("next-intl/server", () => ({ getTranslations: async ({ locale }: { locale: "en" | "fr" }) => translator(locale, ["sameOrigin", "errors"]) }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => null }));
vi.mock("@/lib/env", () => ({ env: () => ({ NEXTAUTH_URL: "https://hustings.example.org" }) }));

const { formAction } = await import("@/lib/actions/form-action");

function send(headers: Record<string, string>, locale = "en") {
  requestHeaders = new Headers(headers);
  const run = vi.fn(async () => "done");
  const data = new FormData();
  data.set("locale", locale);
  data.set("title", "Kept out");
  return { run, state: formAction({ run, success: () => "saved" })({ status: "idle" }, data) };
}

describe("a form's action and where it was sent from", () => {
  it("runs when the Origin is the site's own (NEXTAUTH_URL)", async () => {
    const { run, state } = send({ origin: "https://hustings.example.org", host: "internal:3000" });
    expect((await state).status).toBe("success");
    expect(run).toHaveBeenCalledOnce();
  });

  it("refuses, in the form's language and without running, no Origin, another site, the same host over http, and 'null'", async () => {
    for (const origin of [undefined, "https://evil.example", "http://hustings.example.org", "https://hustings.example.org.evil.example", "null"]) {
      const { run, state } = send(origin ? { origin, host: "hustings.example.org" } : { host: "hustings.example.org" });
      expect(await state, String(origin)).toMatchObject({
        status: "error",
        message: "This change was refused: it was not sent from a page of this site. Open the page on this site and try again.",
        values: {},
      });
      expect(run).not.toHaveBeenCalled();
    }
    const { state } = send({ origin: "https://evil.example" }, "fr");
    expect((await state).message).toBe(
      "Cette modification a été refusée : elle n’a pas été envoyée depuis une page de ce site. Ouvrez la page sur ce site et réessayez.",
    );
  });
});
