import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { contactFrom, DEMO_CONTACT } from "@/lib/site/contact";

// The secretariat's contact on the public contact page (lib/site/contact.ts).
describe("the secretariat's contact", () => {
  it("is the demo's made-up one, marked as such, when nothing is configured", () => {
    const contact = contactFrom({});
    expect(contact).toBe(DEMO_CONTACT);
    expect(contact.isDemo).toBe(true);
    // Nothing in it can reach a real office: a reserved domain, no telephone.
    expect(contact.email).toMatch(/\.test$/);
    expect(contact.phone).toBeNull();
  });

  it("is the configured one otherwise, the address split into its lines", () => {
    expect(
      contactFrom({
        CONTACT_EMAIL: "elections@example.org",
        CONTACT_PHONE: "+41 22 730 00 00",
        CONTACT_ADDRESS: " Elections secretariat | Rue 1 ||1200 Geneva ",
      }),
    ).toEqual({ email: "elections@example.org", phone: "+41 22 730 00 00", address: ["Elections secretariat", "Rue 1", "1200 Geneva"], isDemo: false });
    // Part of it configured: only that part, never the demo's beside it.
    expect(contactFrom({ CONTACT_EMAIL: "elections@example.org" })).toEqual({ email: "elections@example.org", phone: null, address: [], isDemo: false });
  });

  it("refuses an e-mail address that is not one", () => {
    const base = { DATABASE_URL: "postgresql://u@localhost/db" };
    expect(parseEnv({ ...base, CONTACT_EMAIL: "not an address" }).success).toBe(false);
    expect(parseEnv({ ...base, CONTACT_EMAIL: "elections@example.org" }).success).toBe(true);
  });
});
