import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "@/lib/config/env";
import { prisma } from "@/lib/db/client";
import { sessionCookieName } from "./cookie";
import { resolveSession, type SessionUser } from "./sessions";

/**
 * The signed-in user of the current request, verified in the database (session not revoked nor
 * idle for 8 hours, account not disabled), or null. Never trusts the proxy: it reads the cookie.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  const secret = env().NEXTAUTH_SECRET;
  if (!raw || !secret) return null;
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (!token || typeof token.sid !== "string" || typeof token.uid !== "number") return null;
  return resolveSession(prisma, token.sid, token.uid);
}
