/**
 * 001 A: campaign correspondence uses a private address, not the Union's corporate mail.
 * True when the address's domain is one of the corporate domains or a subdomain of one.
 */
export function isCorporateAddress(email: string, corporateDomains: readonly string[]): boolean {
  const at = email.lastIndexOf("@");
  if (at === -1) return false;
  // A trailing dot is the same domain in DNS ("itu.int." is "itu.int").
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.+$/, "");
  return corporateDomains.some((d) => {
    const corporate = d.trim().toLowerCase().replace(/^@/, "").replace(/\.+$/, "");
    return corporate !== "" && (domain === corporate || domain.endsWith(`.${corporate}`));
  });
}

/**
 * 001 A reaches the candidate's account too (docs/domain.md#corporate-mail): forum mail is sent to the
 * account's address, so a candidate account may not be on a corporate domain of its
 * candidature's conference. Other roles are the Union's own people and may be.
 */
export function isRefusedAccountAddress(account: { role: string; email: string }, corporateDomains: readonly string[]): boolean {
  return account.role === "CANDIDATE" && isCorporateAddress(account.email, corporateDomains);
}
