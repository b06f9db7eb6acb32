import "server-only";
import { z } from "zod";
import { pageNumber } from "@/lib/validation/integer";
import { requireUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db/client";
import { EntityType } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";

export const JOURNAL_PAGE_SIZE = 50;

export const journalQuerySchema = z.object({
  utilisateur: z
    .string()
    .regex(/^\d{1,9}$/)
    .or(z.literal(""))
    .catch(""),
  action: z
    .string()
    .regex(/^[a-z_.]{0,60}$/)
    .catch(""),
  type: z.enum(EntityType).or(z.literal("")).catch(""),
  // A real calendar day: "2026-13-45" would make an Invalid Date, which Prisma refuses (a 500).
  du: z.iso.date().or(z.literal("")).catch(""),
  au: z.iso.date().or(z.literal("")).catch(""),
  page: pageNumber(100_000).catch(1),
});
export type JournalQuery = z.infer<typeof journalQuerySchema>;

/** The audit log, newest first, filtered; admins only (it holds IP addresses). */
export async function readJournal(query: JournalQuery) {
  await requireUser("ADMIN");
  const where: Prisma.AuditEventWhereInput = {};
  if (query.utilisateur) where.userId = Number(query.utilisateur);
  if (query.action) where.action = query.action;
  if (query.type) where.entityType = query.type;
  if (query.du || query.au) {
    where.at = {
      ...(query.du ? { gte: new Date(`${query.du}T00:00:00Z`) } : {}),
      ...(query.au ? { lt: new Date(new Date(`${query.au}T00:00:00Z`).getTime() + 24 * 3600_000) } : {}),
    };
  }
  const [events, total, users] = await Promise.all([
    prisma.auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (query.page - 1) * JOURNAL_PAGE_SIZE,
      take: JOURNAL_PAGE_SIZE,
      include: { user: { select: { name: true, email: true } } },
    }),
    prisma.auditEvent.count({ where }),
    prisma.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { events, total, users, pageCount: Math.max(1, Math.ceil(total / JOURNAL_PAGE_SIZE)) };
}
