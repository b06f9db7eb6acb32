import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit/log";
import { env } from "@/lib/config/env";
import { prisma } from "@/lib/db/client";
import { clientIp } from "@/lib/http/client-ip";
import { localPath } from "@/lib/http/local-path";
import { SESSION_IDLE_SECONDS, revokeSession } from "./sessions";
import { signIn } from "./sign-in";

/**
 * next-auth with e-mail + password (+ TOTP). The JWT only names a server-side session
 * (UserSession), which every request checks: see lib/auth/current-user.ts.
 */
export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  jwt: { maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    CredentialsProvider({
      name: "Adresse e-mail",
      credentials: {
        email: { label: "Adresse e-mail", type: "email" },
        password: { label: "Mot de passe", type: "password" },
        code: { label: "Code de vérification", type: "text" },
      },
      async authorize(credentials, req) {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req?.headers ?? {})) {
          if (typeof value === "string") headers.set(name, value);
        }
        const result = await signIn(prisma, {
          email: String(credentials?.email ?? "").slice(0, 320),
          password: String(credentials?.password ?? "").slice(0, 1024),
          code: credentials?.code ? String(credentials.code).slice(0, 64) : undefined,
          ip: clientIp(headers),
          userAgent: headers.get("user-agent") ?? undefined,
        });
        if (!result.ok) {
          // The sign-in page turns these codes into French messages.
          throw new Error(result.reason === "locked" && result.retryAt ? `locked:${result.retryAt.toISOString()}` : result.reason);
        }
        return { id: String(result.userId), sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    // next-auth's own check lets "/\t/evil.example" through; only paths on this site are followed.
    async redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${localPath(path, "/admin")}`;
    },
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    // The browser learns nothing from /api/auth/session beyond "signed in".
    async session({ session }) {
      return { expires: session.expires };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") {
        await revokeSession(prisma, token.sid);
        await recordAudit(prisma, { userId: typeof token.uid === "number" ? token.uid : null, action: "auth.sign_out" });
      }
    },
  },
};
