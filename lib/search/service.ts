/**
 * STAND-IN for the search service of the public discovery work (issue 3), written only so that
 * the benchmark (bench/, scripts/bench.ts) compiles and runs before that service exists. It keeps
 * the service's fixed interface with plain Prisma queries and no search design at all (substring
 * matching, one count per facet value). Replace this whole file with the real service at merge.
 */
import type { Database } from "@/lib/db/connect";
import type { Prisma } from "@/lib/db/generated/client";
import { actorKindParams, FILTER_KEYS, type FilterKey, type SearchQuery } from "./query";

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchResultItem {
  id: number;
  slug: string;
  title: string;
  summary: string;
}

export interface SearchResult {
  items: SearchResultItem[];
  total: number;
  page: number;
  pageCount: number;
  facets: Record<FilterKey, FacetValue[]>;
}

const visible = { status: "PUBLISHED", deletedAt: null } as const;

function textWhere(query: SearchQuery): Prisma.InitiativeWhereInput {
  const and: Prisma.InitiativeWhereInput[] = [visible];
  for (const term of query.q.split(" ").filter(Boolean)) {
    const contains = { contains: term, mode: "insensitive" } as const;
    and.push({ OR: [{ title: contains }, { summary: contains }, { description: contains }] });
  }
  return { AND: and };
}

/** `matched`: the ids of the text match, computed once per search (undefined without `q`). */
function whereOf(query: SearchQuery, except?: FilterKey, matched?: number[]): Prisma.InitiativeWhereInput {
  const and: Prisma.InitiativeWhereInput[] = [matched ? { id: { in: matched } } : visible];
  const on = (key: FilterKey) => key !== except && query[key].length > 0;
  if (on("territoire")) and.push({ territories: { some: { territory: { ancestors: { some: { ancestorCode: { in: query.territoire } } } } } } });
  if (on("approche")) and.push({ approaches: { some: { approach: { slug: { in: query.approche }, deletedAt: null } } } });
  if (on("theme")) and.push({ themes: { some: { theme: { slug: { in: query.theme }, deletedAt: null } } } });
  if (on("critere")) and.push({ criteria: { some: { criterion: { slug: { in: query.critere }, deletedAt: null } } } });
  if (on("domaine")) and.push({ domains: { some: { domain: { slug: { in: query.domaine }, deletedAt: null } } } });
  if (on("public")) and.push({ publics: { some: { public: { slug: { in: query.public }, deletedAt: null } } } });
  if (on("acteur")) and.push({ actors: { some: { actor: { ...visible, kind: { in: query.acteur.map((a) => actorKindParams[a]) } } } } });
  // Both statuses selected means no restriction.
  if (on("statut") && query.statut.length === 1) and.push({ ongoing: query.statut[0] === "en-cours" });
  if (on("annee")) and.push({ startYear: { in: query.annee } });
  return { AND: and };
}

/** One GROUP BY over the join table (its primary key makes each row one initiative). */
async function vocabularyFacet(db: Database, key: "approche" | "theme" | "critere" | "domaine" | "public", where: Prisma.InitiativeWhereInput) {
  const filter = { initiative: where };
  const [entries, counts] = await (async () => {
    switch (key) {
      case "approche":
        return Promise.all([db.approach.findMany({ where: { deletedAt: null } }), db.initiativeApproach.groupBy({ by: ["approachId"], where: filter, _count: { _all: true } }).then((rows) => rows.map((r) => [r.approachId, r._count._all] as const))]);
      case "theme":
        return Promise.all([db.theme.findMany({ where: { deletedAt: null } }), db.initiativeTheme.groupBy({ by: ["themeId"], where: filter, _count: { _all: true } }).then((rows) => rows.map((r) => [r.themeId, r._count._all] as const))]);
      case "critere":
        return Promise.all([db.discriminationCriterion.findMany({ where: { deletedAt: null } }), db.initiativeCriterion.groupBy({ by: ["criterionId"], where: filter, _count: { _all: true } }).then((rows) => rows.map((r) => [r.criterionId, r._count._all] as const))]);
      case "domaine":
        return Promise.all([db.domain.findMany({ where: { deletedAt: null } }), db.initiativeDomain.groupBy({ by: ["domainId"], where: filter, _count: { _all: true } }).then((rows) => rows.map((r) => [r.domainId, r._count._all] as const))]);
      case "public":
        return Promise.all([db.public.findMany({ where: { deletedAt: null } }), db.initiativePublic.groupBy({ by: ["publicId"], where: filter, _count: { _all: true } }).then((rows) => rows.map((r) => [r.publicId, r._count._all] as const))]);
    }
  })();
  const byId = new Map(counts);
  return entries
    .sort((a, b) => a.position - b.position)
    .map((entry) => ({ value: entry.slug, label: entry.label, count: byId.get(entry.id) ?? 0 }));
}

async function facet(db: Database, query: SearchQuery, key: FilterKey, matched?: number[]): Promise<FacetValue[]> {
  const where = whereOf(query, key, matched);
  const counted = async (values: { value: string; label: string; where: Prisma.InitiativeWhereInput }[]) =>
    Promise.all(values.map(async (v) => ({ value: v.value, label: v.label, count: await db.initiative.count({ where: { AND: [where, v.where] } }) })));
  switch (key) {
    case "territoire": {
      const places = await db.territory.findMany({ where: { kind: { in: ["REGION", "DEPARTEMENT"] } }, orderBy: { code: "asc" } });
      return counted(places.map((p) => ({ value: p.code, label: p.name, where: { territories: { some: { territory: { ancestors: { some: { ancestorCode: p.code } } } } } } })));
    }
    case "approche":
    case "theme":
    case "critere":
    case "domaine":
    case "public":
      return vocabularyFacet(db, key, where);
    case "acteur":
      return counted(
        Object.entries(actorKindParams).map(([param, kind]) => ({ value: param, label: param, where: { actors: { some: { actor: { ...visible, kind } } } } })),
      );
    case "statut":
      return counted([
        { value: "en-cours", label: "En cours", where: { ongoing: true } },
        { value: "termine", label: "Terminée", where: { ongoing: false } },
      ]);
    case "annee": {
      const years = await db.initiative.groupBy({ by: ["startYear"], where: { AND: [where, { startYear: { not: null } }] }, _count: { _all: true } });
      return years
        .map((y) => ({ value: String(y.startYear), label: String(y.startYear), count: y._count._all }))
        .sort((a, b) => Number(b.value) - Number(a.value));
    }
  }
}

export async function searchInitiatives(db: Database, query: SearchQuery, options: { pageSize?: number } = {}): Promise<SearchResult> {
  const pageSize = options.pageSize ?? 20;
  const matched = query.q ? (await db.initiative.findMany({ where: textWhere(query), select: { id: true } })).map((row) => row.id) : undefined;
  const where = whereOf(query, undefined, matched);
  const orderBy: Prisma.InitiativeOrderByWithRelationInput[] =
    query.tri === "titre" ? [{ title: "asc" }, { id: "asc" }] : [{ publishedAt: "desc" }, { id: "desc" }];
  const [items, total, ...facets] = await Promise.all([
    db.initiative.findMany({ where, orderBy, skip: (query.page - 1) * pageSize, take: pageSize, select: { id: true, slug: true, title: true, summary: true } }),
    db.initiative.count({ where }),
    ...FILTER_KEYS.map((key) => facet(db, query, key, matched)),
  ]);
  return {
    items,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    facets: Object.fromEntries(FILTER_KEYS.map((key, index) => [key, facets[index]!])) as Record<FilterKey, FacetValue[]>,
  };
}
