import "server-only";
import { prisma } from "@/lib/db/client";
import type { Queryable } from "@/lib/db/connect";
import type { SubscriptionList } from "@/lib/db/generated/client";
import { lessonQueryString, parseLessonQuery } from "@/lib/public/lessons";
import { emptyQuery, parseSearchQuery, toSearchParams, withQuery } from "@/lib/search/query";

/**
 * What a subscription follows: one public list and its filters, kept as the list's canonical
 * query string (the same parsing and order as the list's own URLs), so that the digest selects
 * with the list's own search and the link in each message opens the very list the visitor saw.
 */
export interface Selection {
  list: SubscriptionList;
  filter: string;
}

/** The lists one may follow, by the `liste` parameter of /suivre. */
export const LIST_PARAMS = { initiatives: "INITIATIVES", enseignements: "LESSONS" } as const satisfies Record<string, SubscriptionList>;
export type ListParam = keyof typeof LIST_PARAMS;

const LIST_PATHS: Record<SubscriptionList, string> = { INITIATIVES: "/initiatives", LESSONS: "/enseignements" };
const LIST_NAMES: Record<SubscriptionList, string> = { INITIATIVES: "initiatives", LESSONS: "enseignements" };

/**
 * The canonical filter of a list's query string: what a person typed is parsed by the list's own
 * zod parsing (bad values dropped), then written back without the page, the order or a place's
 * words (`lieu`: the list page resolves it into `territoire` before linking here).
 */
export function selectionOf(list: SubscriptionList, params: URLSearchParams): Selection {
  if (list === "INITIATIVES") {
    const query = parseSearchQuery(params);
    return { list, filter: toSearchParams({ ...query, tri: emptyQuery.tri, page: 1 }).toString() };
  }
  const query = parseLessonQuery(Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key)])));
  return { list, filter: lessonQueryString(query, 1) };
}

/** The list's path with the selection's filters. */
export function selectionPath(selection: Selection): string {
  return withQuery(LIST_PATHS[selection.list], selection.filter);
}

/**
 * How messages and pages name a selection: the list, its places by name, its words, and how many
 * other filters (« les initiatives (lieu : Roubaix ; mots « emploi » ; 1 autre filtre) »).
 */
export async function selectionLabel(selection: Selection, db: Queryable = prisma): Promise<string> {
  const params = new URLSearchParams(selection.filter);
  const codes = params.getAll("territoire");
  const places = codes.length
    ? await db.territory.findMany({ where: { code: { in: codes } }, select: { name: true }, orderBy: { name: "asc" } })
    : [];
  const words = params.get("q");
  const others = [...params.keys()].filter((key) => !["q", "territoire", "portee"].includes(key)).length;
  const other = places.length > 0 || words ? " autre" : "";
  const parts = [
    ...(places.length ? [`lieu : ${places.map((place) => place.name).join(", ")}`] : []),
    ...(words ? [`mots « ${words} »`] : []),
    ...(others > 0 ? [others === 1 ? `1${other} filtre` : `${others}${other}s filtres`] : []),
  ];
  return `les ${LIST_NAMES[selection.list]}${parts.length ? ` (${parts.join(" ; ")})` : ""}`;
}
