import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInSchema } from "./schema";
import { env } from "@/lib/env";
import { isDomainError } from "@/lib/errors/domain-error";
import { authenticate } from "./sign-in";
import { clientIp } from "./client-ip";

const credentials = signInSchema;

// Credentials sign-in requires JWT sessions (TOOLCHAIN.md). The token carries only the
// user's id and session version: role and status are re-read from the database on every
// request (lib/auth/current-user.ts), so a change takes effect at once.
export function authOptions(): NextAuthOptions {
  return {
    secret: env().AUTH_SECRET ?? "development-only-secret-do-not-use-in-production",
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/en/sign-in", error: "/en/sign-in" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw, req) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) return null;
          try {
            const user = await authenticate({ ...parsed.data, ip: clientIp(req.headers ?? {}) });
            return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
          } catch (error) {
            // next-auth passes the message to the client as the error code.
            if (isDomainError(error) && error.code === "RATE_LIMITED") throw new Error("RATE_LIMITED");
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        session.uid = token.uid;
        session.sv = token.sv;
        return session;
      },
    },
  };
}
