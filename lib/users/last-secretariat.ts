/**
 * The console must always keep one way in: a change that would leave no active
 * secretariat account (disabling it, or giving it another role) is refused, since nobody
 * could then manage users at all.
 */
export function leavesNoActiveSecretariat(activeSecretariatIds: readonly string[], userId: string): boolean {
  return activeSecretariatIds.length > 0 && activeSecretariatIds.every((id) => id === userId);
}
