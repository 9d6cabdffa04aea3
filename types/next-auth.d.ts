import "next-auth";
import "next-auth/jwt";

// docs/toolchain.md#auth-and-jwt-sessions: type the session's extra fields by module augmentation, not casts.
declare module "next-auth" {
  interface User {
    sessionVersion: number;
    /** Set by the password and single sign-on sign-ins, for the second-factor rule. */
    role?: string;
    totpEnabledAt?: Date | null;
  }
  interface Session {
    uid?: string;
    sv?: number;
    /** The UserSession row (lib/auth/user-session.ts). */
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
  }
}
