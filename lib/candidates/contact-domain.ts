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
