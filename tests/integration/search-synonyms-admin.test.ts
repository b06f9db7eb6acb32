import { beforeAll, describe, expect, it, vi } from "vitest";
import { updateSynonymGroup } from "@/app/admin/_actions/synonyms";
import type { SessionUser } from "@/lib/auth/sessions";
import { createPrismaClient } from "@/lib/db/connect";
import { loadDemoContent } from "@/lib/demo/load";
import { parseSearchQuery } from "@/lib/search/query";
import { searchInitiatives } from "@/lib/search/service";
import { makeUser } from "../support/accounts";

// Staff edit the field synonyms in the back office (/admin/synonymes); the search follows at
// the next request. Only the session is stubbed; guards, action, database are the real code.
const caller: { user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => caller.user }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined }),
}));

const db = createPrismaClient();
const KIFKIF = "permanences-ecoute-kif-kif";

function form(fields: Record<string, string | number>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}
const save = (fields: Record<string, string | number>) => updateSynonymGroup({ status: "idle" }, form(fields));
const slugs = async (q: string) => (await searchInitiatives(db, parseSearchQuery({ q }))).items.map((hit) => hit.slug);

beforeAll(async () => {
  await loadDemoContent(db);
  const editor = await makeUser(db, "EDITOR");
  caller.user = { id: editor.id, email: editor.email, name: editor.email, role: "EDITOR", totpEnabled: false, sessionId: "test" };
});

describe("synonyms in the back office", () => {
  it("the reference data ships a sourced starting set", async () => {
    const groups = await db.searchSynonym.findMany({ where: { refKey: { not: null } } });
    expect(groups.map((g) => g.refKey).sort()).toEqual(["contrat-de-ville", "kif-kif", "lcd", "qpv", "testing"]);
    expect(groups.every((g) => g.source.length > 10 && g.terms.length >= 2)).toBe(true);
  });

  it("an editor adds, edits and removes a group; the search follows at the next request, and each change is audited", async () => {
    expect(await slugs("quokka")).toEqual([]);
    expect(await save({ id: "", version: 0, terms: "quokka\n\n", source: "Essai" })).toMatchObject({ status: "invalid" });
    expect(await save({ id: "", version: 0, terms: "quokka\naccompagnement psycho-social", source: "Essai de l'équipe" })).toMatchObject({
      status: "ok",
    });
    expect(await slugs("quokka")).toContain(KIFKIF);

    const group = await db.searchSynonym.findFirstOrThrow({ where: { source: "Essai de l'équipe" } });
    expect(await save({ id: group.id, version: group.version + 5, terms: "a\nb", source: "Conflit" })).toMatchObject({ status: "error" });
    expect(await save({ id: group.id, version: group.version, terms: group.terms.join("\n"), source: "Essai", trash: "on" })).toMatchObject(
      { status: "ok" },
    );
    expect(await slugs("quokka")).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: { in: ["synonym.created", "synonym.deleted"] } } })).toBe(2);
  });

  it("refuses bad input with French messages, never a 500", async () => {
    for (const fields of [
      { id: "", version: 0, terms: "seul", source: "Une source" },
      { id: "", version: 0, terms: "x".repeat(10_000), source: "Une source" },
      { id: "", version: 0, terms: "\u0000\n!!!", source: "Une source" },
      { id: "%ff", version: 0, terms: "a\nb", source: "Une source" },
      { id: "", version: "abc", terms: "a\nb", source: "Une source" },
      { id: "", version: 0, terms: "a\nb", source: "\u0000" },
      { id: 999999, version: 0, terms: "a\nb", source: "Une source" },
    ]) {
      const state = await save(fields);
      expect(["invalid", "error"]).toContain(state.status);
      expect(state.message).toMatch(/[a-zé]/);
    }
  });

  it("a contributor may not edit them", async () => {
    const contributor = await makeUser(db, "CONTRIBUTOR");
    const editor = caller.user;
    caller.user = {
      id: contributor.id,
      email: contributor.email,
      name: contributor.email,
      role: "CONTRIBUTOR",
      totpEnabled: false,
      sessionId: "test",
    };
    expect(await save({ id: "", version: 0, terms: "a1\nb1", source: "Intrusion" })).toMatchObject({ status: "denied", httpStatus: 403 });
    caller.user = editor;
  });
});
