// docs/decisions/023-second-factor.md: wrong codes allowed per account within the window, after
// which codes are refused until the oldest failure leaves it. Per account, so that every
// session and every address of it count together. Only someone past the password can spend
// them, and each wrong code is an audit row the account's owner and the secretariat can see.
export const SECOND_FACTOR_LIMITS = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
} as const;
