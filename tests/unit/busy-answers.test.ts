import { describe, expect, it, vi } from "vitest";
import { DomainError } from "@/lib/errors/domain-error";
import { ServiceBusyError } from "@/lib/errors/infrastructure";
import { translator } from "@/lib/i18n/translator";

// The edges' answer when the database is busy or out of reach (docs/decisions/019-database-capacity.md):
// routes 503 with Retry-After and the asker's language, forms "not made, try again"; every
// other error is still thrown (a fault stays a fault).

vi.mock("next/cache", () => ({ updateTag: () => undefined }));
vi.mock("next/navigation", () => ({ redirect: () => undefined }));
vi.mock("next-intl/server", () => ({ getTranslations: async ({ locale }: { locale: "en" | "fr" }) => translator(locale, ["serviceBusy", "errors"]) }));
vi.mock("next/headers", () => import("../support/next-headers"));
// No NEXTAUTH_URL: the action is judged by the host it reached (lib/http/same-origin.ts).
vi.mock("@/lib/env", () => ({ env: () => ({}) }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => null }));

const { refusalResponse } = await import("@/lib/http/json-route");
const { formAction } = await import("@/lib/actions/form-action");

// The edges log such failures (at most once per kind every ten seconds); not this test's subject.
vi.spyOn(console, "warn").mockImplementation(() => undefined);

const poolTimeout = () => new Error("timeout exceeded when trying to connect");

describe("a JSON route's answer", () => {
  it("is 503 with Retry-After and the translated message when the database is busy or this instance is full", async () => {
    const t = await translator("fr", ["serviceBusy", "errors"]);
    const response = refusalResponse(t, poolTimeout(), "serviceBusy.question");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      error: "Le service est surchargé : votre question n'a pas été envoyée. Veuillez réessayer dans quelques secondes.",
      busy: true,
    });
    expect(refusalResponse(t, new ServiceBusyError("viewer questions")).status).toBe(503);
  });

  it("still gives a service's refusal its own status, and rethrows a fault", async () => {
    const t = await translator("en", ["serviceBusy", "errors"]);
    expect(refusalResponse(t, new DomainError("RATE_LIMITED", { retryAfterSeconds: 60 })).status).toBe(429);
    expect(() => refusalResponse(t, new TypeError("a bug"))).toThrow("a bug");
  });
});

describe("a form's answer", () => {
  const form = (run: () => Promise<never>, busy?: () => string) => {
    const data = new FormData();
    data.set("locale", "en");
    data.set("title", "kept");
    return formAction({ run, success: () => "done", busy })({ status: "idle" } as never, data);
  };

  it("says the change was not made and keeps what was typed, when the database is busy", async () => {
    const state = await form(() => Promise.reject(poolTimeout()));
    expect(state).toMatchObject({
      status: "error",
      message: "The service is busy: your change was not made. Please try again in a few seconds.",
      values: { title: "kept" },
    });
  });

  it("uses the form's own wording when it has one, and the generic one if that fails too", async () => {
    expect(
      await form(
        () => Promise.reject(poolTimeout()),
        () => "Your move was not made.",
      ),
    ).toMatchObject({ message: "Your move was not made." });
    const failing = () => {
      throw new Error("Connection terminated");
    };
    expect(await form(() => Promise.reject(poolTimeout()), failing)).toMatchObject({ message: expect.stringContaining("your change was not made") });
  });

  it("lets a fault through as a fault", async () => {
    await expect(form(() => Promise.reject(new TypeError("a bug")))).rejects.toThrow("a bug");
  });
});
