import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { IntlProvider, useTranslations } from "use-intl";
import { describe, expect, it, vi } from "vitest";
import { clientMessages } from "@/lib/i18n/client-messages";

// What a provider gives (lib/i18n/client-messages.tsx), and what a client component shows when
// its provider does not give a message it uses: the key, and a console error, which fails the
// end-to-end test that renders it (tests/e2e/support/fixtures.ts, consoleErrors).

describe("clientMessages", () => {
  it("gives the named namespaces and parts of namespaces, nested as in the catalogue, and nothing else", async () => {
    const messages = await clientMessages("fr", ["time", "nav.signIn", "nav.signOut", "forum.ask.submit"]);
    expect(Object.keys(messages).sort()).toEqual(["forum", "nav", "time"]);
    expect(Object.keys(messages.nav as object).sort()).toEqual(["signIn", "signOut"]);
    expect(messages.forum).toEqual({ ask: { submit: expect.any(String) } });
    expect((messages.time as Record<string, string>).yourZone).toContain("{time}");
  });

  it("refuses a path that names nothing", async () => {
    await expect(clientMessages("en", ["nav.noSuchKey"])).rejects.toThrow("nav.noSuchKey");
  });

  it("leaves the kept catalogue whole when it gives a part of a namespace", async () => {
    await clientMessages("en", ["nav.signIn"]);
    const again = await clientMessages("en", ["nav"]);
    expect(Object.keys(again.nav as object).length).toBeGreaterThan(1);
  });
});

describe("a message the provider does not give", () => {
  it("shows its key and says so on the console", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    function Island() {
      const t = useTranslations("nav");
      return createElement("p", null, t("liveNow"));
    }
    // Its children are the third argument below; the props' type wants the key all the same.
    const config: Parameters<typeof IntlProvider>[0] = { locale: "en", messages: { nav: { signIn: "Sign in" } }, children: null };
    const html = renderToString(createElement(IntlProvider, config, createElement(Island)));
    expect(html).toContain("nav.liveNow");
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ code: "MISSING_MESSAGE" }));
  });
});
