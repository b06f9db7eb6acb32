import { beforeAll, describe, expect, it } from "vitest";
import { GET as getFeed } from "@/app/flux.xml/route";
import { GET as getActors } from "@/app/api/v1/acteurs/route";
import { prisma } from "@/lib/db/client";
import { loadDemoContent } from "@/lib/demo/load";
import { dataVersion } from "@/lib/opendata/data-version";

let clientNumber = 0;

/** A GET like a client's, each from its own address (the rate limit stays out of the way). */
async function get(handler: (request: Request) => Promise<Response>, path: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost${path}`, {
    headers: { "x-forwarded-for": `203.0.113.${++clientNumber % 250}`, ...headers },
  });
  const response = await handler(request);
  return { status: response.status, etag: response.headers.get("etag")!, lastModified: response.headers.get("last-modified")! };
}

const actors = (headers?: Record<string, string>) => get((request) => getActors(request), "/api/v1/acteurs", headers);

beforeAll(async () => {
  await loadDemoContent(prisma);
});

const published = { status: "PUBLISHED", deletedAt: null } as const;

/** Rewrites a field of the first published entry of a model. */
async function editPublished(model: "initiative" | "actor" | "lesson" | "source", data: Record<string, string>) {
  const delegate = prisma[model] as unknown as {
    findFirstOrThrow(args: object): Promise<{ id: number }>;
    update(args: object): Promise<unknown>;
  };
  const { id } = await delegate.findFirstOrThrow({ where: published });
  await delegate.update({ where: { id }, data });
}

/** One edit of each kind that the API, the feeds and the exports show. */
const edits: [string, () => Promise<unknown>][] = [
  ["an initiative's text", () => editPublished("initiative", { summary: "Résumé revu pour le test des validateurs." })],
  ["an actor's description", () => editPublished("actor", { description: "Description revue." })],
  ["a lesson's body", () => editPublished("lesson", { body: "Enseignement reformulé." })],
  ["a source's title", () => editPublished("source", { title: "Titre de source revu" })],
  [
    "a link removed from an initiative",
    async () => {
      const link = await prisma.initiativeSource.findFirstOrThrow();
      await prisma.initiativeSource.delete({
        where: { initiativeId_sourceId: { initiativeId: link.initiativeId, sourceId: link.sourceId } },
      });
    },
  ],
  [
    "a vocabulary label",
    async () => {
      const { id } = await prisma.theme.findFirstOrThrow({ where: { deletedAt: null } });
      await prisma.theme.update({ where: { id }, data: { label: "Thème renommé" } });
    },
  ],
  [
    "a territory renamed",
    async () => {
      await prisma.territory.update({ where: { code: "59512" }, data: { name: "Roubaix (renommée)" } });
    },
  ],
];

describe("the published data's version (HTTP validators of the API and the feeds)", () => {
  it.each(edits)("moves with %s: the old ETag gets 304 before the edit and 200 after", async (_kind, edit) => {
    // As if the last change were five seconds old (rather than waiting for it to be).
    await prisma.$executeRaw`UPDATE "SearchVersion" SET "changedAt" = clock_timestamp() - interval '5 seconds' WHERE id = 1`;
    const before = await actors();
    expect(before.status).toBe(200);
    expect((await actors({ "if-none-match": before.etag })).status).toBe(304);
    expect((await actors({ "if-modified-since": before.lastModified })).status).toBe(304);

    await edit();

    const after = await actors({ "if-none-match": before.etag });
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    expect(Date.parse(after.lastModified)).toBeGreaterThan(Date.parse(before.lastModified));
    expect((await actors({ "if-modified-since": before.lastModified })).status).toBe(200);
    expect((await actors({ "if-none-match": after.etag })).status).toBe(304);
  });

  it("is the same for the feeds, and unchanged by reads", async () => {
    const first = await get(getFeed, "/flux.xml");
    expect(first.status).toBe(200);
    await actors();
    await prisma.initiative.findMany({ where: published });
    expect((await get(getFeed, "/flux.xml", { "if-none-match": first.etag })).status).toBe(304);
    await editPublished("initiative", { title: "Titre revu pour le flux" });
    expect((await get(getFeed, "/flux.xml", { "if-none-match": first.etag })).status).toBe(200);
  });

  it("never lets If-Modified-Since hide an edit made in the same second as the previous one", async () => {
    for (const summary of ["Première retouche.", "Deuxième retouche.", "Troisième retouche."]) {
      const before = await actors();
      await editPublished("actor", { description: summary });
      expect((await actors({ "if-modified-since": before.lastModified })).status).toBe(200);
    }
    const version = await dataVersion();
    expect(version.lastModified.getTime()).toBeLessThanOrEqual(version.changedAt.getTime());
  });
});
