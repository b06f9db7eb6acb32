import "server-only";
import { z } from "zod";
import { formLines } from "@/lib/validation/text";
import { recordVersion } from "@/lib/validation/integer";
import { recordAudit } from "@/lib/audit/log";
import { requireUser } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/sessions";
import { prisma } from "@/lib/db/client";
import type { Database } from "@/lib/db/connect";
import { territoryKindLabels } from "@/lib/format/labels";
import { lookupPlaces } from "@/lib/territories/lookup";

/** Territories matching the query as the public picker finds them (lookupPlaces), for the pickers and the alias page. */
export async function searchTerritories(query: string, limit = 20) {
  await requireUser("CONTRIBUTOR");
  const matches = await lookupPlaces(prisma, query, { limit });
  const details = await prisma.territory.findMany({
    where: { code: { in: matches.map((m) => m.code) } },
    select: { code: true, aliases: true, version: true },
  });
  const byCode = new Map(details.map((d) => [d.code, d]));
  return matches.flatMap((match) => {
    const detail = byCode.get(match.code);
    if (!detail) return [];
    const label = `${match.name} (${territoryKindLabels[match.kind].toLowerCase()}, ${match.departement ? `${match.departement}, ` : ""}${match.code})`;
    return [{ code: match.code, name: match.name, kind: match.kind, aliases: detail.aliases, version: detail.version, label }];
  });
}

export const aliasesSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z_-]{1,64}$/, "Territoire invalide."),
  version: recordVersion,
  aliases: formLines("Les alias", { maxLength: 2000, tooLong: "Trop d'alias." }).pipe(
    z.array(z.string().max(120, "Un alias ne peut pas dépasser 120 caractères.")).max(20, "Au plus 20 alias."),
  ),
});

export type AliasOutcome = { ok: true } | { ok: false; message: string };

/** Replaces a territory's aliases (one per line), with the same optimistic lock as records. */
export async function saveAliases(
  db: Database,
  user: Pick<SessionUser, "id">,
  input: z.infer<typeof aliasesSchema>,
  ip?: string,
): Promise<AliasOutcome> {
  const before = await db.territory.findUnique({ where: { code: input.code }, select: { aliases: true } });
  if (!before) return { ok: false, message: "Ce territoire n'existe pas." };
  const changed = await db.$transaction(async (tx) => {
    const updated = await tx.territory.updateMany({
      where: { code: input.code, version: input.version },
      data: { aliases: input.aliases, version: { increment: 1 } },
    });
    if (updated.count === 0) return false;
    await recordAudit(tx, {
      userId: user.id,
      action: "entity.updated",
      entityType: "TERRITORY",
      entityId: input.code,
      details: { aliases: { from: before.aliases, to: input.aliases } },
      ip,
    });
    return true;
  });
  return changed
    ? { ok: true }
    : { ok: false, message: "Quelqu'un a modifié ces alias entre-temps : rechargez la page pour voir la version actuelle." };
}
