import "next-auth";
import "next-auth/jwt";

// docs/toolchain.md#auth-and-jwt-sessions: type the session's extra fields by module augmentation, not casts.
declare module "next-auth" {
  interface User {
    sessionVersion: number;
  }
  interface Session {
    uid?: string;
    sv?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}
