// The demo accounts' password hashes. Their passwords are public (README, prisma/demo-data.ts),
// so a hash of them protects nothing a fresh one would: these were made once with the app's
// own hashPassword (lib/auth/password.ts, production parameters) and are stored as they are,
// instead of five production-cost scrypt runs (about half a CPU second and 128 MiB each) at
// every load and every reset of the demo. Signing in verifies them like any other hash;
// tests/integration/demo.test.ts checks that each verifies with its account's password, so a
// password changed in prisma/demo-data.ts without its hash here fails there.
// Relative imports only: prisma/seed.ts runs this under tsx, outside Next.
import { hashPassword } from "../../lib/auth/password";

const DEMO_PASSWORD_HASHES: Readonly<Record<string, string>> = {
  "secretariat@demo.hustings.test": "scrypt$131072$8$1$WpQMCKBF6PgDLtGOchghWQ$zAm3HzEpdc1wEObOeUvfyTNoA-Dh_wcjEjNWNWuhcdo",
  "chair@demo.hustings.test": "scrypt$131072$8$1$8HCM6Z3O4pL_1W76zHV-2w$zNXkLbAYgePbycai0t8SLV8bkMkYBLdUiVzAnE4MHFY",
  "candidate@demo.hustings.test": "scrypt$131072$8$1$2rZNniDgjBI-DpnlAWCEWQ$z0yy4ORIgZ20E5nceLXGPZ9COJ98jvp2flBtwqrJcJM",
  "ethics@demo.hustings.test": "scrypt$131072$8$1$bKTiu_N3ws76VkC95b-btw$oexKtWCATqPjUEE5t3GsoR95JR_z8yoXJStTAvRv7Bo",
  "member@demo.hustings.test": "scrypt$131072$8$1$DcJBFp6IG8VEcHlKH-QVrw$gq32CJXJbRkmmiWAKRuhwredUrY71mj-UbXzS6Eq_u4",
};

/** The stored hash of a demo account's password: the one made once above, or a new one for an account added since. */
export function demoPasswordHash(account: { email: string; password: string }): Promise<string> {
  const stored = DEMO_PASSWORD_HASHES[account.email];
  return stored ? Promise.resolve(stored) : hashPassword(account.password);
}
