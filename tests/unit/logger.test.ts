import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log/logger";

function capture() {
  const lines: string[] = [];
  const log = createLogger(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
        done();
      },
    }),
  );
  return { log, lines };
}

describe("logger", () => {
  it("writes one JSON object per line, with an ISO time and a level name", () => {
    const { log, lines } = capture();
    log.info({ requestId: "abc123" }, "requête");
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: "info", message: "requête", requestId: "abc123", app: "reperes" });
    expect(new Date(entry.time).toISOString()).toBe(entry.time);
  });

  it("keeps personal data and secrets out, wherever they are", () => {
    const { log, lines } = capture();
    const secrets = [
      "marie.dupont@example.org",
      "motdepasse-tres-secret",
      "123456",
      "session=jwt-value",
      "Bearer abc.def",
      "06 12 34 56 78",
      "Marie Dupont",
      "203.0.113.9",
      "s3cr3tdb",
    ];
    log.info(
      {
        email: secrets[0],
        password: secrets[1],
        user: { email: secrets[0], totp: secrets[2] },
        headers: { cookie: secrets[3], authorization: secrets[4] },
      },
      "connexion",
    );
    log.warn({ input: { contactPhone: secrets[5], contactName: secrets[6] }, ip: secrets[7] }, "formulaire");
    log.error(
      { err: new Error(`Unique constraint failed for marie.dupont@example.org on postgresql://reperes:s3cr3tdb@db:5432/reperes`) },
      "échec",
    );
    log.info(`Compte créé pour ${secrets[0]}`);
    const output = lines.join("\n");
    for (const secret of secrets) expect(output).not.toContain(secret);
    expect(output).toContain("[masqué]");
    expect(JSON.parse(lines[2]!).err.message).toContain("Unique constraint failed");
  });
});

describe("server errors (instrumentation.ts)", () => {
  it("logs the request id, the digest shown on the error page and no personal data", async () => {
    const { log, lines } = capture();
    (globalThis as { reperesLogger?: unknown }).reperesLogger = log;
    process.env.NEXT_RUNTIME = "nodejs";
    const { onRequestError } = await import("@/instrumentation");
    const error = Object.assign(new Error("duplicate key for marie.dupont@example.org"), { digest: "3075076004" });
    await onRequestError(
      error,
      {
        path: "/admin/utilisateurs?email=marie.dupont@example.org",
        method: "POST",
        headers: { "x-request-id": "5438e8c70396403d", cookie: "next-auth.session-token=secret-jwt" },
      },
      {
        routerKind: "App Router",
        routePath: "/admin/utilisateurs",
        routeType: "action",
        renderSource: undefined,
        revalidateReason: undefined,
      },
    );
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({
      level: "error",
      requestId: "5438e8c70396403d",
      path: "/admin/utilisateurs",
      err: { digest: "3075076004" },
    });
    expect(lines[0]).not.toContain("marie.dupont");
    expect(lines[0]).not.toContain("secret-jwt");
  });
});
