import type { Database } from "@/lib/db/connect";
import type { OptionLists } from "../form-values";

/** The controlled vocabularies as option lists (trashed entries left out). */
export async function vocabularyOptions(db: Database): Promise<OptionLists> {
  const where = { deletedAt: null };
  const orderBy = [{ position: "asc" as const }, { label: "asc" as const }];
  const select = { id: true, label: true };
  const [approaches, themes, criteria, domains, publics] = await Promise.all([
    db.approach.findMany({ where, orderBy, select }),
    db.theme.findMany({ where, orderBy, select }),
    db.discriminationCriterion.findMany({ where, orderBy, select }),
    db.domain.findMany({ where, orderBy, select }),
    db.public.findMany({ where, orderBy, select }),
  ]);
  const toOptions = (rows: { id: number; label: string }[]) => rows.map((row) => ({ value: String(row.id), label: row.label }));
  return {
    approaches: toOptions(approaches),
    themes: toOptions(themes),
    criteria: toOptions(criteria),
    domains: toOptions(domains),
    publics: toOptions(publics),
  };
}
