// Failed sign-ins allowed within the window before further attempts are refused. Per
// account, to slow guessing one password; per address, to slow spraying many accounts.
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  perAddress: 30,
} as const;
