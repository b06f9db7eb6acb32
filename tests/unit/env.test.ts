import { afterEach, describe, expect, it } from "vitest";
import { env, EnvError, parseEnv } from "@/lib/config/env";

describe("parseEnv", () => {
  it("defaults to the embedded database on port 3000", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.REPERES_DATA_DIR).toBe(".data");
    expect(env.REPERES_DEMO).toBe(false);
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "  " }).DATABASE_URL).toBeUndefined();
  });

  it("takes an SMTP server with its sender, and refuses one without sender or with another scheme", () => {
    expect(parseEnv({ SMTP_URL: "smtp://u:p@mail:587", MAIL_FROM: "Repères <r@irev.fr>" })).toMatchObject({
      SMTP_URL: "smtp://u:p@mail:587",
      MAIL_FROM: "Repères <r@irev.fr>",
    });
    expect(parseEnv({ SMTP_URL: "" }).SMTP_URL).toBeUndefined();
    expect(() => parseEnv({ SMTP_URL: "smtp://mail:25" })).toThrow(/MAIL_FROM: avec SMTP_URL, indiquez l'expéditeur/);
    expect(() => parseEnv({ SMTP_URL: "http://mail", MAIL_FROM: "r@irev.fr" })).toThrow(/SMTP_URL doit être une adresse smtp:\/\//);
  });

  it("accepts a PostgreSQL URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://u@db:5432/reperes" }).DATABASE_URL).toBe("postgresql://u@db:5432/reperes");
  });

  it("refuses a URL that is not PostgreSQL, with a French message naming the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://u@db/reperes" })).toThrow(EnvError);
    try {
      parseEnv({ DATABASE_URL: "not a url" });
    } catch (error) {
      expect((error as Error).message).toContain("DATABASE_URL");
      expect((error as Error).message).toContain("URL PostgreSQL");
    }
  });

  it("refuses an out-of-range port", () => {
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
  });

  it("refuses a session secret shorter than 32 bytes in production only", () => {
    expect(() => parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "court" })).toThrow(/NEXTAUTH_SECRET.*32 octets/);
    expect(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32) }).NEXTAUTH_SECRET).toHaveLength(32);
    expect(parseEnv({ NODE_ENV: "development", NEXTAUTH_SECRET: "court" }).NEXTAUTH_SECRET).toBe("court");
  });

  it("logs from level info by default, and only at a known level", () => {
    expect(parseEnv({}).REPERES_LOG_LEVEL).toBe("info");
    expect(parseEnv({ REPERES_LOG_LEVEL: "warn" }).REPERES_LOG_LEVEL).toBe("warn");
    expect(() => parseEnv({ REPERES_LOG_LEVEL: "bavard\u0000" })).toThrow(/REPERES_LOG_LEVEL/);
  });

  it("trusts no proxy by default, and only a small whole number of them", () => {
    expect(parseEnv({}).REPERES_TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ REPERES_TRUSTED_PROXY_HOPS: "1" }).REPERES_TRUSTED_PROXY_HOPS).toBe(1);
    expect(() => parseEnv({ REPERES_TRUSTED_PROXY_HOPS: "-1" })).toThrow(/REPERES_TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ REPERES_TRUSTED_PROXY_HOPS: "1.5" })).toThrow(/REPERES_TRUSTED_PROXY_HOPS/);
  });

  it("sends the digest on Mondays at 7:00 by default, at any five-field cron time given", () => {
    expect(parseEnv({}).REPERES_DIGEST_CRON).toBe("0 7 * * 1");
    expect(parseEnv({ REPERES_DIGEST_CRON: " 30 8 * * 5 " }).REPERES_DIGEST_CRON).toBe("30 8 * * 5");
    expect(parseEnv({ REPERES_DIGEST_CRON: "*/15 * * * *" }).REPERES_DIGEST_CRON).toBe("*/15 * * * *");
    for (const bad of ["lundi", "0 7 * *", "0 7 * * 1 2026", "0 7 * * 1; rm"])
      expect(() => parseEnv({ REPERES_DIGEST_CRON: bad })).toThrow(/REPERES_DIGEST_CRON/);
  });
});

describe("env()", () => {
  const names = ["PORT", "UPLOAD_MAX_MB", "REPERES_LOG_LEVEL", "REPERES_API_RATE_LIMIT"] as const;
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  afterEach(() => {
    for (const name of names) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });
  const unset = () => names.forEach((name) => delete process.env[name]);

  it("gives the defaults of unset variables, parsed once while the environment stays the same", () => {
    unset();
    const first = env();
    expect(first.PORT).toBe(3000);
    expect(first.UPLOAD_MAX_MB).toBe(20);
    expect(first.REPERES_LOG_LEVEL).toBe("info");
    expect(env()).toBe(first);
  });

  it("follows a variable changed after the first read (tests, scripts)", () => {
    unset();
    expect(env().UPLOAD_MAX_MB).toBe(20);
    process.env.UPLOAD_MAX_MB = "5";
    expect(env().UPLOAD_MAX_MB).toBe(5);
  });

  it("refuses invalid values with a French message naming every bad variable", () => {
    unset();
    process.env.PORT = "soixante";
    process.env.REPERES_API_RATE_LIMIT = "beaucoup";
    let error: unknown;
    try {
      env();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).message).toMatch(/^Configuration invalide :/);
    expect((error as EnvError).issues.map((issue) => issue.split(":")[0])).toEqual(["PORT", "REPERES_API_RATE_LIMIT"]);
    expect((error as EnvError).message).toContain("rafale/recharge par seconde");
  });
});
