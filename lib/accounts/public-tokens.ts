import "server-only";
import { prisma } from "@/lib/db/client";
import { findValidToken } from "./users";

/** Public by design: the unguessable link is the credential (invitation or reset). */
export async function tokenIsUsable(token: string): Promise<boolean> {
  return (await findValidToken(prisma, token)) !== null;
}
