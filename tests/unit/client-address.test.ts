import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";
import { parseEnv } from "@/lib/env";
import { clientAddress, limitKey, normaliseAddress, parseTrustedProxyHops } from "@/lib/net/client-address";
import { bindAddress } from "@/lib/net/listen";

// The address server.ts decides for each request (docs/decisions/024-client-address-and-server.md);
// the same through a running server: tests/integration/client-address-server.test.ts.

describe("clientAddress", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress({ socketAddress: "203.0.113.9", forwardedFor: "198.51.100.1", hops: 0 })).toBe("203.0.113.9");
    expect(clientAddress({ socketAddress: "203.0.113.9", forwardedFor: ["198.51.100.1", "198.51.100.2"], hops: 0 })).toBe("203.0.113.9");
    expect(clientAddress({ socketAddress: "203.0.113.9", forwardedFor: undefined, hops: 0 })).toBe("203.0.113.9");
  });

  it("takes the entry as many hops from the right of X-Forwarded-For and the peer as proxies are trusted", () => {
    // client 192.0.2.7 → proxy A (10.0.0.2) → proxy B (10.0.0.3) → us; the client wrote 6.6.6.6 itself.
    const forwardedFor = "6.6.6.6, 192.0.2.7, 10.0.0.2";
    expect(clientAddress({ socketAddress: "10.0.0.3", forwardedFor, hops: 1 })).toBe("10.0.0.2");
    expect(clientAddress({ socketAddress: "10.0.0.3", forwardedFor, hops: 2 })).toBe("192.0.2.7");
    expect(clientAddress({ socketAddress: "10.0.0.3", forwardedFor: "192.0.2.7", hops: 1 })).toBe("192.0.2.7");
  });

  it("takes the leftmost entry of a chain shorter than the trusted hops, which only trusted proxies wrote", () => {
    expect(clientAddress({ socketAddress: "10.0.0.3", forwardedFor: "192.0.2.7", hops: 3 })).toBe("192.0.2.7");
    expect(clientAddress({ socketAddress: "10.0.0.3", forwardedFor: undefined, hops: 2 })).toBe("10.0.0.3");
  });

  it("falls back to the peer, never to another entry, when the chosen entry is not an address", () => {
    expect(clientAddress({ socketAddress: "10.0.0.3", forwardedFor: "192.0.2.7, unknown", hops: 1 })).toBe("10.0.0.3");
    expect(clientAddress({ socketAddress: "10.0.0.3", forwardedFor: "<script>", hops: 1 })).toBe("10.0.0.3");
    expect(clientAddress({ socketAddress: undefined, forwardedFor: "192.0.2.7", hops: 0 })).toBe("unknown");
  });

  it("normalises what sockets and proxies write: mapped IPv4, ports, brackets", () => {
    expect(clientAddress({ socketAddress: "::ffff:127.0.0.1", forwardedFor: undefined, hops: 0 })).toBe("127.0.0.1");
    expect(clientAddress({ socketAddress: "10.0.0.3", forwardedFor: "192.0.2.7:51234", hops: 1 })).toBe("192.0.2.7");
    expect(clientAddress({ socketAddress: "10.0.0.3", forwardedFor: "[2001:DB8::5]:443", hops: 1 })).toBe("2001:db8::5");
    expect(normaliseAddress("::1")).toBe("::1");
    expect(normaliseAddress("not an address")).toBeNull();
    expect(normaliseAddress("[::1")).toBeNull();
  });
});

describe("limitKey and clientIp", () => {
  it("counts IPv4 by address and IPv6 by its /64", () => {
    expect(limitKey("192.0.2.7")).toBe("192.0.2.7");
    expect(limitKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(limitKey("2001:db8:1:2::9")).toBe(limitKey("2001:db8:1:2:ffff::1"));
    expect(limitKey("2001:db8:1:3::9")).not.toBe(limitKey("2001:db8:1:2::9"));
    expect(limitKey("::1")).toBe("0:0:0:0::/64");
  });

  it("reads the one address server.ts leaves in X-Forwarded-For", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "192.0.2.7" }))).toBe("192.0.2.7");
    expect(clientIp({ "x-forwarded-for": "2001:db8:1:2::9" })).toBe("2001:db8:1:2::/64");
    expect(clientIp(new Headers())).toBe("unknown");
    expect(clientIp(new Headers({ "x-forwarded-for": "garbage" }))).toBe("unknown");
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  const base = { DATABASE_URL: "postgresql://u@localhost/db" };

  it("defaults to 0 and accepts 0 to 5", () => {
    expect(parseTrustedProxyHops(undefined)).toBe(0);
    expect(parseTrustedProxyHops("")).toBe(0);
    expect(parseTrustedProxyHops(" 2 ")).toBe(2);
    expect(parseTrustedProxyHops("5")).toBe(5);
    const parsed = parseEnv({ ...base, TRUSTED_PROXY_HOPS: "1" });
    expect(parsed.success && parsed.data.TRUSTED_PROXY_HOPS).toBe(1);
    const unset = parseEnv(base);
    expect(unset.success && unset.data.TRUSTED_PROXY_HOPS).toBe(0);
  });

  it.each(["6", "-1", "1.5", "one", "0x1"])("refuses %j, naming the setting", (value) => {
    expect(() => parseTrustedProxyHops(value)).toThrow(/TRUSTED_PROXY_HOPS must be a whole number from 0 to 5/);
    expect(parseEnv({ ...base, TRUSTED_PROXY_HOPS: value }).success).toBe(false);
  });
});

describe("bindAddress", () => {
  it("is HOSTNAME, 127.0.0.1 when unset or when it is only the machine's own name", () => {
    expect(bindAddress(undefined, "box")).toBe("127.0.0.1");
    expect(bindAddress(" ", "box")).toBe("127.0.0.1");
    expect(bindAddress("box", "box")).toBe("127.0.0.1");
    expect(bindAddress("0.0.0.0", "box")).toBe("0.0.0.0");
    expect(bindAddress("::", "box")).toBe("::");
  });
});
