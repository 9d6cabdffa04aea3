// docs/decisions/023-second-factor.md: how often a reset link may be asked for. Per address and
// per typed e-mail address, counted whether or not an account has that address, so the
// refusal says nothing about accounts; and per account, in the database, so that however
// many app instances there are, an inbox gets a few messages an hour at most.
export const RESET_LINK_MINUTES = 30;

export const RESET_LIMITS = {
  perAddress: { max: 10, windowMs: 60 * 60_000 },
  perEmail: { max: 3, windowMs: 60 * 60_000 },
  /** Links actually sent to one account (the database's count). */
  perAccount: { max: 3, windowMs: 60 * 60_000 },
} as const;
