import { describe, expect, it, vi } from "vitest";
import { isJsonContentType } from "@/lib/http/json-route";
import { isSafeMethod, isSameOrigin } from "@/lib/http/same-origin";

vi.mock("@/lib/env", () => ({ env: () => ({}) }));

// Which requests count as sent from a page of the site (docs/decisions/027-same-origin-and-members-only-stream.md).

const h = (headers: Record<string, string>) => new Headers(headers);

describe("isSameOrigin", () => {
  it("with NEXTAUTH_URL: its origin exactly, whatever the Host or X-Forwarded-Host say", () => {
    const site = "https://hustings.example.org";
    expect(isSameOrigin(h({ origin: "https://hustings.example.org", host: "10.0.0.5:3000" }), "", site)).toBe(true);
    expect(isSameOrigin(h({ origin: "https://HUSTINGS.example.org:443" }), "", site)).toBe(true);
    for (const origin of ["http://hustings.example.org", "https://hustings.example.org:8443", "https://evil.example", "null", "not an origin"]) {
      expect(isSameOrigin(h({ origin, host: "evil.example", "x-forwarded-host": "evil.example" }), "", site), origin).toBe(false);
    }
    expect(isSameOrigin(h({ host: "hustings.example.org" }), "", site)).toBe(false);
  });

  it("without it: the host reached, as a proxy in front names it (X-Forwarded-Host), else Host, else the request's address", () => {
    expect(isSameOrigin(h({ origin: "https://public.example.org", host: "app:3000", "x-forwarded-host": "public.example.org, inner" }), "", undefined)).toBe(
      true,
    );
    expect(isSameOrigin(h({ origin: "https://app:3000", host: "app:3000", "x-forwarded-host": "public.example.org" }), "", undefined)).toBe(false);
    expect(isSameOrigin(h({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), "", undefined)).toBe(true);
    expect(isSameOrigin(h({ origin: "http://localhost" }), "http://localhost/api/x", undefined)).toBe(true);
    expect(isSameOrigin(h({ origin: "http://localhost.evil.example", host: "localhost" }), "", undefined)).toBe(false);
    expect(isSameOrigin(h({ origin: "file:///tmp/x", host: "localhost" }), "", undefined)).toBe(false);
    expect(isSameOrigin(h({}), "http://localhost/api/x", undefined)).toBe(false);
  });

  it("asks nothing of GET, HEAD and OPTIONS", () => {
    expect(["GET", "head", "OPTIONS"].every(isSafeMethod)).toBe(true);
    expect(["POST", "PUT", "PATCH", "DELETE"].some(isSafeMethod)).toBe(false);
  });
});

describe("isJsonContentType", () => {
  it("takes application/json with or without parameters, and nothing a form or a simple request can send", () => {
    expect(["application/json", "application/json; charset=utf-8", "Application/JSON"].every(isJsonContentType)).toBe(true);
    for (const type of [
      null,
      "",
      "text/plain",
      "text/plain; application/json",
      "application/x-www-form-urlencoded",
      "multipart/form-data",
      "application/jsonp",
    ]) {
      expect(isJsonContentType(type), String(type)).toBe(false);
    }
  });
});
