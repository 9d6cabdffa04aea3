// Where the server listens (server.ts, docs/decisions/024-client-address-and-server.md).

/**
 * HOSTNAME, default 127.0.0.1 (nothing outside this machine reaches the app unless told to).
 * A HOSTNAME that is merely this machine's own name — exported by some shells and set in every
 * container — was not chosen as a bind address, and is treated as unset.
 */
export function bindAddress(value: string | undefined, machineName: string): string {
  const chosen = value?.trim();
  if (!chosen || chosen === machineName) return "127.0.0.1";
  return chosen;
}
