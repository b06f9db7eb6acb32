import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { FormState } from "@/lib/admin/form-state";
import type { SessionUser } from "@/lib/auth/sessions";
import { createPrismaClient } from "@/lib/db/connect";
import type { UserRole } from "@/lib/db/generated/enums";
import { loadDemoContent } from "@/lib/demo/load";
import { makeUser } from "../support/accounts";

// Who is calling: set per test. Everything else (guards, engine, database) is the real code.
const caller: { user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => caller.user }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined }),
}));

const root = path.resolve(import.meta.dirname, "../..");
const db = createPrismaClient();

function filesUnder(dir: string, match: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, match) : match(full) ? [full] : [];
  });
}

/** Every module of server actions in the app, found by its directive. */
const actionModules = filesUnder(
  path.join(root, "app"),
  (file) => /\.tsx?$/.test(file) && /^["']use server["'];/m.test(readFileSync(file, "utf8")),
);
const routeModules = filesUnder(path.join(root, "app"), (file) => /\/route\.ts$/.test(file));

type Required = UserRole | "PUBLIC";
/** The lowest role each server action accepts. A new action must be added here, or the test fails. */
const requiredRole: Record<string, Required> = {
  saveEntity: "CONTRIBUTOR",
  changeStatus: "CONTRIBUTOR",
  markAsVerified: "EDITOR",
  moveToTrash: "CONTRIBUTOR",
  restoreFromTrash: "EDITOR",
  deletePermanently: "ADMIN",
  restoreVersion: "CONTRIBUTOR",
  previewMarkdown: "CONTRIBUTOR",
  createUser: "ADMIN",
  updateUser: "ADMIN",
  sendPasswordReset: "ADMIN",
  changeOwnPassword: "CONTRIBUTOR",
  beginTotpSetup: "CONTRIBUTOR",
  confirmTotpSetup: "CONTRIBUTOR",
  disableTotp: "CONTRIBUTOR",
  saveMailPreferences: "CONTRIBUTOR",
  updateTerritoryAliases: "EDITOR",
  updateSynonymGroup: "EDITOR",
  resendFailedMail: "ADMIN",
  dropFailedMail: "ADMIN",
  erasePersonalData: "ADMIN",
  // Answers alike whether an account exists; rate-limited (tests/integration/mail.test.ts).
  askPasswordReset: "PUBLIC",
  assignProposalToMe: "EDITOR",
  declineProposal: "EDITOR",
  acceptProposal: "EDITOR",
  uploadSpreadsheet: "EDITOR",
  saveImportMapping: "EDITOR",
  importSpreadsheet: "EDITOR",
  // The one-time link's 256-bit secret is the credential (tested in accounts tests).
  choosePassword: "PUBLIC",
  // Visitors' submissions: their abuse checks are tested in proposals.test.ts.
  sendProposal: "PUBLIC",
  sendCorrection: "PUBLIC",
  // « Suivre cette sélection »: its abuse checks and links are tested in subscriptions.test.ts.
  followSelection: "PUBLIC",
  confirmFollow: "PUBLIC",
};

const lowerRoles: Record<UserRole, UserRole[]> = { CONTRIBUTOR: [], EDITOR: ["CONTRIBUTOR"], ADMIN: ["CONTRIBUTOR", "EDITOR"] };

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;
const actions = new Map<string, Action>();
let users: Record<UserRole, SessionUser>;
let targetId: number;

function form(fields: Record<string, string | number>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

/** A plausible, well-formed request for each action, so that only authorization can refuse it. */
function requestFor(name: string): FormData {
  const target = { entity: "initiatives", id: targetId };
  switch (name) {
    case "saveEntity":
      return form({ ...target, version: 1, title: "Titre modifié par un intrus", summary: "Résumé modifié par un intrus, assez long." });
    case "changeStatus":
      return form({ ...target, transition: "archive" });
    case "deletePermanently":
      return form({ ...target, confirm: "SUPPRIMER" });
    case "restoreVersion":
      return form({ ...target, revision: 1, version: 1 });
    case "previewMarkdown":
      return form({ text: "**bonjour**" });
    case "createUser":
      return form({ email: "intrus@test.reperes", name: "Intrus", role: "ADMIN" });
    case "updateUser":
    case "sendPasswordReset":
      return form({ id: users.ADMIN.id, name: "Renommé", role: "CONTRIBUTOR" });
    case "updateTerritoryAliases":
      return form({ code: "59512", version: 1, aliases: "Intrus" });
    case "resendFailedMail":
    case "dropFailedMail":
      return form({ id: "00000000-0000-4000-8000-000000000000" });
    case "uploadSpreadsheet": {
      const data = new FormData();
      data.set("fichier", new File(["Réf;Titre\nA-1;Un titre d'intrus\n"], "intrus.csv"));
      return data;
    }
    case "saveImportMapping":
      return form({ id: 1, templateName: "Intrus", colonne: "externalId" });
    case "erasePersonalData":
      return form({ adresse: "camille.martin@exemple.fr", confirm: "EFFACER" });
    case "updateSynonymGroup":
      return form({ id: "", version: 0, terms: "intrus\nintruse", source: "Un intrus" });
    default:
      return form(target);
  }
}

beforeAll(async () => {
  await loadDemoContent(db);
  const toSession = (u: { id: number; email: string; role: UserRole }): SessionUser => ({
    id: u.id,
    email: u.email,
    name: u.email,
    role: u.role,
    totpEnabled: false,
    sessionId: "test",
  });
  const [admin, editor, contributor] = await Promise.all([makeUser(db, "ADMIN"), makeUser(db, "EDITOR"), makeUser(db, "CONTRIBUTOR")]);
  users = { ADMIN: toSession(admin), EDITOR: toSession(editor), CONTRIBUTOR: toSession(contributor) };
  targetId = (await db.initiative.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { id: "asc" } })).id;
  for (const file of actionModules) {
    const exported = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function") actions.set(name, value as Action);
    }
  }
});

describe("every server action checks who calls it", () => {
  it("finds the action modules and knows the role of every exported action", () => {
    expect(actionModules.length).toBeGreaterThanOrEqual(5);
    expect([...actions.keys()].sort()).toEqual(Object.keys(requiredRole).sort());
  });

  it("refuses anonymous callers (401) and roles that are too low (403), changing nothing", async () => {
    const before = await db.initiative.findUniqueOrThrow({ where: { id: targetId } });
    const checked: string[] = [];
    for (const [name, action] of actions) {
      const role = requiredRole[name]!;
      if (role === "PUBLIC") continue;
      caller.user = null;
      expect(await action({ status: "idle" }, requestFor(name)), `${name} as anonymous`).toMatchObject({
        status: "denied",
        httpStatus: 401,
      });
      for (const lower of lowerRoles[role]) {
        caller.user = users[lower];
        expect(await action({ status: "idle" }, requestFor(name)), `${name} as ${lower}`).toMatchObject({
          status: "denied",
          httpStatus: 403,
        });
      }
      checked.push(name);
    }
    expect(checked.length).toBe(Object.values(requiredRole).filter((r) => r !== "PUBLIC").length);
    const after = await db.initiative.findUniqueOrThrow({ where: { id: targetId } });
    expect(after).toMatchObject({ title: before.title, status: before.status, version: before.version, deletedAt: null });
    expect(await db.user.count({ where: { email: "intrus@test.reperes" } })).toBe(0);
  });

  it("the editorial actions refuse a contributor acting on another contributor's draft", async () => {
    const other = await makeUser(db, "CONTRIBUTOR");
    caller.user = { ...users.CONTRIBUTOR, id: other.id, email: other.email };
    const created = await actions.get("saveEntity")!(
      { status: "idle" },
      form({ entity: "initiatives", title: "Brouillon d'une autre", summary: "Un résumé suffisamment long." }),
    ).catch((error: unknown) => error);
    // Creation ends with a redirect to the new record.
    expect(String((created as { digest?: string }).digest)).toContain("NEXT_REDIRECT");
    const draft = await db.initiative.findFirstOrThrow({ where: { title: "Brouillon d'une autre" } });

    caller.user = users.CONTRIBUTOR;
    const onDraft = { entity: "initiatives", id: draft.id };
    for (const [name, data] of [
      ["saveEntity", form({ ...onDraft, version: 1, title: "Changé par un autre", summary: "Résumé changé par un autre contributeur." })],
      ["changeStatus", form({ ...onDraft, transition: "submit" })],
      ["moveToTrash", form(onDraft)],
      [
        "restoreVersion",
        form({
          ...onDraft,
          revision: (await db.revision.findFirstOrThrow({ where: { entityType: "INITIATIVE", entityId: draft.id } })).id,
          version: 1,
        }),
      ],
    ] as const) {
      expect(await actions.get(name)!({ status: "idle" }, data), name).toMatchObject({ status: "denied", httpStatus: 403 });
    }
    expect(await db.initiative.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      title: "Brouillon d'une autre",
      status: "DRAFT",
      deletedAt: null,
      version: 1,
    });
  });
});

describe("the dead letters of the mail queue", () => {
  it("are listed to admins only", async () => {
    const { readMailFailures } = await import("@/lib/admin/mail-failures");
    caller.user = null;
    await expect(readMailFailures()).rejects.toMatchObject({ status: 401 });
    for (const role of ["CONTRIBUTOR", "EDITOR"] as const) {
      caller.user = users[role];
      await expect(readMailFailures()).rejects.toMatchObject({ status: 403 });
    }
    caller.user = users.ADMIN;
    expect(await readMailFailures()).toEqual([]);
  });
});

describe("the public's searches (/admin/recherches)", () => {
  it("are read by staff only", async () => {
    const { searchInsightsOf } = await import("@/lib/admin/search-insights");
    caller.user = null;
    await expect(searchInsightsOf("2026-11")).rejects.toMatchObject({ status: 401 });
    caller.user = users.CONTRIBUTOR;
    expect(await searchInsightsOf("2026-11")).toMatchObject({ none: [], total: 0 });
  });
});

describe("every route handler that changes something, or reads private data, checks who calls it", () => {
  const METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
  // next-auth's own endpoints (sign-in, sign-out) are the way in: they carry their CSRF token.
  // The dossier's exports change nothing: they take POST only because a visitor's notes may be
  // longer than an address allows, and they read published entries like their GET.
  const PUBLIC_ROUTES = new Set([
    "app/api/auth/[...nextauth]/route.ts",
    "app/dossier/export.csv/route.ts",
    "app/dossier/export.pdf/route.ts",
    // The unsubscribe link's secret is its authorisation (RFC 8058 one-click, no session).
    "app/suivre/desabonner/un-clic/route.ts",
  ]);

  it("refuses anonymous callers of mutating routes, even with a proxy bypass header", async () => {
    let mutating = 0;
    for (const file of routeModules) {
      const relative = path.relative(root, file);
      if (PUBLIC_ROUTES.has(relative)) continue;
      const exported = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) {
        const handler = exported[method] as ((request: Request, context: unknown) => Promise<Response>) | undefined;
        if (!handler) continue;
        mutating++;
        for (const user of [null, users.CONTRIBUTOR]) {
          caller.user = user;
          const body = new FormData();
          body.set("file", new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])], "x.pdf"));
          const request = new Request("http://localhost:3000/api/x", {
            method,
            body,
            headers: { origin: "http://localhost:3000", "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
          });
          // The demo sources are published and owned by nobody: a contributor may not touch them.
          const response = await handler(request, { params: Promise.resolve({ id: "1", key: "x" }) });
          expect([401, 403], `${method} ${relative} as ${user?.role ?? "anonymous"}`).toContain(response.status);
        }
      }
    }
    expect(mutating).toBeGreaterThanOrEqual(1);
  });

  it("refuses a cross-origin upload even from an editor (CSRF)", async () => {
    caller.user = users.EDITOR;
    const { POST } = await import("@/app/api/admin/sources/[id]/fichier/route");
    const response = await POST(
      new Request("http://localhost:3000/api/admin/sources/1/fichier", { method: "POST", headers: { origin: "https://evil.example" } }),
      {
        params: Promise.resolve({ id: "1" }),
      },
    );
    expect(response.status).toBe(403);
  });

  it("refuses anonymous reads of the territory search", async () => {
    caller.user = null;
    const { GET } = await import("@/app/api/admin/territoires/route");
    expect((await GET(new Request("http://localhost:3000/api/admin/territoires?q=roubaix"))).status).toBe(401);
    caller.user = users.CONTRIBUTOR;
    const ok = await GET(new Request("http://localhost:3000/api/admin/territoires?q=roubaix"));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { items: { label: string }[] }).items.map((i) => i.label)).toContain("Roubaix (commune, Nord, 59512)");
  });
});
