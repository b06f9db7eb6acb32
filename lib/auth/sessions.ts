import { randomBytes } from "node:crypto";
import type { Database, Queryable } from "@/lib/db/connect";
import type { UserRole } from "@/lib/db/generated/enums";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "./session-policy";

export { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS };

// Writing lastSeenAt on every request would make each page view a write: once a minute is enough.
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  totpEnabled: boolean;
  sessionId: string;
}

export async function openSession(db: Database, userId: number, info: { ip?: string; userAgent?: string }): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.userSession.create({ data: { id, userId, ip: info.ip, userAgent: info.userAgent?.slice(0, 300) } });
  return id;
}

/**
 * The user behind a session id, checked against the database on every request: a revoked, idle
 * or too old session, or a disabled account, yields null.
 */
export async function resolveSession(db: Database, sessionId: string, userId: number, now = new Date()): Promise<SessionUser | null> {
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    include: { user: { select: { id: true, email: true, name: true, role: true, disabled: true, totpEnabledAt: true } } },
  });
  if (!session || session.userId !== userId || session.revokedAt || session.user.disabled) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_SECONDS * 1000) return null;
  if (now.getTime() - session.createdAt.getTime() > SESSION_ABSOLUTE_SECONDS * 1000) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  return { id: user.id, email: user.email, name: user.name, role: user.role, totpEnabled: !!user.totpEnabledAt, sessionId };
}

export async function revokeSession(db: Database, sessionId: string) {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** After a password reset, a role change or disabling: every browser must sign in again. */
export async function revokeUserSessions(db: Queryable, userId: number, exceptSessionId?: string) {
  await db.userSession.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
}
