import { describe, expect, it, vi } from "vitest";
import { readBoundedText } from "@/lib/http/json-route";

vi.mock("@/lib/env", () => ({ env: () => ({}) }));

// Request bodies are read only up to their route's limit (lib/http/json-route.ts): a body
// sent without a length is never buffered whole. Through the real server: tests/e2e/live-captions.spec.ts.

function streamed(parts: string[], headers: Record<string, string> = {}): Request {
  const encoder = new TextEncoder();
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= parts.length) controller.close();
      else controller.enqueue(encoder.encode(parts[pulled++]));
    },
  });
  return new Request("http://localhost/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("readBoundedText", () => {
  it("reads a body within the limit, whether or not it declares its length", async () => {
    expect(await readBoundedText(streamed(['{"a":', "1}"]), 16)).toBe('{"a":1}');
    expect(await readBoundedText(new Request("http://localhost/", { method: "POST", body: "héllo" }), 6)).toBe("héllo");
    expect(await readBoundedText(new Request("http://localhost/", { method: "POST" }), 6)).toBe("");
  });

  it("refuses a declared length over the limit before reading, and an undeclared body as soon as it passes it", async () => {
    expect(await readBoundedText(streamed(["x"], { "content-length": "17" }), 16)).toBeNull();
    const parts = Array.from({ length: 1000 }, () => "0123456789");
    expect(await readBoundedText(streamed(parts), 25)).toBeNull();
  });
});
