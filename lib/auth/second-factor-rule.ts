import type { RoleName } from "./permissions";

// Who gives a second factor after the password (docs/decisions/023-second-factor.md). ASVS 5.0
// L2 asks it of the accounts that run the election: the secretariat, the chair and the Ethics
// Office must enrol before anything else. A candidate may enrol. Members are not offered it:
// they sign in through the organisation's single sign-on, whose own factors apply.

export const SECOND_FACTOR_REQUIRED_ROLES: readonly RoleName[] = ["SECRETARIAT", "CHAIR", "ETHICS_OFFICER"];
export const SECOND_FACTOR_OPTIONAL_ROLES: readonly RoleName[] = ["CANDIDATE"];

export function secondFactorRequired(role: string): boolean {
  return (SECOND_FACTOR_REQUIRED_ROLES as readonly string[]).includes(role);
}

/** Whether an account of this role may enrol (or must). */
export function mayEnrolSecondFactor(role: string): boolean {
  return secondFactorRequired(role) || (SECOND_FACTOR_OPTIONAL_ROLES as readonly string[]).includes(role);
}

/**
 * Whether a password sign-in opens a pending session that asks for the second factor (or,
 * for a required role not enrolled yet, for enrolment): the required roles always, anyone
 * else once enrolled.
 */
export function needsSecondFactor(user: { role: string; totpEnabledAt: Date | null }): boolean {
  return secondFactorRequired(user.role) || user.totpEnabledAt !== null;
}
