import "server-only";
import { env, type Env } from "@/lib/env";

// The elections secretariat's contact, shown on the public contact page. A deployment sets
// CONTACT_EMAIL, CONTACT_PHONE and CONTACT_ADDRESS (README, Configuration); with none of them
// set the portal is the demo, and the page shows a made-up contact that reaches nobody,
// marked as a demonstration wherever it shows (docs/demo-content.md).

export type SecretariatContact = {
  email: string | null;
  phone: string | null;
  /** The postal address, line by line. */
  address: string[];
  /** The demo's made-up contact: the page says so. */
  isDemo: boolean;
};

/** On the reserved `.test` domain, a fictional street, no telephone: nothing here can reach a real office. */
export const DEMO_CONTACT: SecretariatContact = {
  email: "elections@demo.hustings.test",
  phone: null,
  address: ["Elections secretariat (demo)", "1 Demonstration Square", "1200 Geneva", "Switzerland"],
  isDemo: true,
};

type ContactEnv = Pick<Env, "CONTACT_EMAIL" | "CONTACT_PHONE" | "CONTACT_ADDRESS">;

/** The configured contact; the demo's only when nothing is configured (a partial one shows what is set). */
export function contactFrom(source: ContactEnv): SecretariatContact {
  const { CONTACT_EMAIL: email, CONTACT_PHONE: phone, CONTACT_ADDRESS: address } = source;
  if (!email && !phone && !address) return DEMO_CONTACT;
  const lines = (address ?? "")
    .split("|")
    .map((line) => line.trim())
    .filter(Boolean);
  return { email: email ?? null, phone: phone ?? null, address: lines, isDemo: false };
}

export function secretariatContact(): SecretariatContact {
  return contactFrom(env());
}
