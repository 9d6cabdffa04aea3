// The demo staff accounts' current second-factor codes, for a visitor without an authenticator
// app at hand (docs/decisions/023-second-factor.md). Their keys are public (prisma/demo-data.ts,
// README "The demo"): this prints what any authenticator app would show for them now.
import { DEMO_ACCOUNTS } from "../prisma/demo-data";
import { TOTP_PARAMS, totpCode } from "../lib/second-factor/totp-core";

const now = new Date();
const left = TOTP_PARAMS.period - (Math.floor(now.getTime() / 1000) % TOTP_PARAMS.period);
for (const account of DEMO_ACCOUNTS) {
  if ("totpSecret" in account) console.log(`${account.email.padEnd(32)}  ${totpCode(account.totpSecret, now)}`);
}
console.log(`(valid for ${left} more seconds, and for one step either side)`);
