import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.pathname.length > 1;
    } catch {
      return false;
    }
  }, "DATABASE_URL doit être une URL PostgreSQL complète, par exemple postgresql://utilisateur@hote:5432/base");

const optionalNonEmpty = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .default("")
  .transform((value) => value === "true" || value === "1");

export interface RateLimit {
  /** Requests allowed at once (a full bucket). */
  capacity: number;
  refillPerSecond: number;
}

/** "capacity/refill per second", e.g. "120/2"; null when malformed. */
export function parseRateLimit(text: string): RateLimit | null {
  const match = /^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return null;
  const capacity = Number(match[1]);
  const refillPerSecond = Number(match[2]);
  return capacity >= 1 && refillPerSecond > 0 ? { capacity, refillPerSecond } : null;
}

/** Outgoing mail (lib/mail/settings.ts). */
const mailFields = {
  /** Outgoing mail server, e.g. smtp://user:password@host:587 (smtps:// for TLS from the start); unset: messages go to REPERES_DATA_DIR/mail as .eml files. */
  SMTP_URL: optionalNonEmpty.refine((value) => value === undefined || /^smtps?:\/\/[^\s/]+/.test(value), {
    message: "SMTP_URL doit être une adresse smtp:// ou smtps://, par exemple smtp://utilisateur:motdepasse@smtp.exemple.fr:587",
  }),
  /** The sender of every message, e.g. « Repères <ne-pas-repondre@irev.fr> ». */
  MAIL_FROM: optionalNonEmpty,
};

function requireMailSender(env: { SMTP_URL?: string; MAIL_FROM?: string }, context: z.RefinementCtx) {
  if (env.SMTP_URL && !env.MAIL_FROM) {
    context.addIssue({
      code: "custom",
      path: ["MAIL_FROM"],
      message: 'avec SMTP_URL, indiquez l\'expéditeur des messages, par exemple MAIL_FROM="Repères <ne-pas-repondre@irev.fr>"',
    });
  }
}

/** Every environment variable the app and its scripts read, parsed once. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optionalNonEmpty.pipe(postgresUrl.optional()),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOSTNAME: z.string().trim().min(1).default("localhost"),
    /** Where the embedded PostgreSQL keeps its data (git-ignored). */
    REPERES_DATA_DIR: z.string().trim().min(1).default(".data"),
    EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(5488),
    /** Load the demo content into an empty database given by DATABASE_URL too. */
    REPERES_DEMO: flag,
    /** In production, accept demo accounts (published passwords): only for a public demonstration site. */
    REPERES_ALLOW_DEMO_ACCOUNTS: flag,
    NEXTAUTH_URL: optionalNonEmpty.pipe(z.url().optional()),
    NEXTAUTH_SECRET: optionalNonEmpty,
    /** Uploaded documents; default REPERES_DATA_DIR/uploads. */
    UPLOAD_DIR: optionalNonEmpty,
    /** Largest accepted upload, in megabytes. */
    UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(200).default(20),
    /** What the documents one person uploaded may weigh together, in megabytes. */
    UPLOAD_QUOTA_MB: z.coerce.number().int().min(1).max(100_000).default(500),
    /**
     * The open-data API's limit per client address, "burst/refill per second" (default 120/2),
     * shared by every instance on the database (lib/api/rate-limit.ts).
     */
    REPERES_API_RATE_LIMIT: optionalNonEmpty.refine((value) => value === undefined || parseRateLimit(value) !== null, {
      message: "REPERES_API_RATE_LIMIT s'écrit rafale/recharge par seconde, par exemple 120/2",
    }),
    ...mailFields,
    /**
     * When the weekly digest of followed selections goes out (ADR 017): a cron line of five fields,
     * read in French time. Default: Mondays at 7:00.
     */
    REPERES_DIGEST_CRON: z
      .string()
      .trim()
      .regex(/^[\d*/,-]+( [\d*/,-]+){4}$/, {
        message: "REPERES_DIGEST_CRON s'écrit comme une ligne cron de cinq champs, par exemple « 0 7 * * 1 » (le lundi à 7 h)",
      })
      .default("0 7 * * 1"),
    /** Least severe log lines written (lib/log/logger.ts reads it in the server). */
    REPERES_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /**
     * How many reverse proxies in front of the app append to X-Forwarded-For: the client's address is
     * read that many entries before the TCP peer. 0: the peer itself (no proxy, or one that does not say).
     */
    REPERES_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /**
     * Admins and editors must set up a TOTP second factor before using the back office. Unset:
     * required in production only (see secondFactorRequired).
     */
    REPERES_ADMIN_TOTP_REQUIRED: z
      .enum(["true", "false", "1", "0", ""])
      .default("")
      .transform((value) => (value === "" ? undefined : value === "true" || value === "1")),
  })
  .superRefine((env, context) => {
    requireMailSender(env, context);
    // A short secret signs sessions that can be forged by guessing it.
    if (env.NODE_ENV === "production" && env.NEXTAUTH_SECRET && Buffer.byteLength(env.NEXTAUTH_SECRET) < 32) {
      context.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "en production, NEXTAUTH_SECRET doit compter au moins 32 octets (par exemple : openssl rand -base64 32)",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Configuration invalide :\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  return result.data;
}

const ENV_KEYS = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];
let parsed: { values: string; env: Env } | undefined;

/**
 * The environment of this process, validated (EnvError listing every bad variable, in French)
 * and parsed once. The parse is kept with the values it came from and done again only when one
 * of them changes: tests and scripts that set a variable after the first read (a database per
 * test worker, a quota for one test, the second-factor policy of a production server) get what
 * they set, without a reset to remember, and a server pays a few property reads per call.
 * `npm start` parses it before serving (scripts/start.ts), so a running server never throws here.
 */
export function env(): Env {
  const source = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
  const values = JSON.stringify(source);
  if (parsed?.values !== values) parsed = { values, env: parseEnv(source) };
  return parsed.env;
}

/** Whether admins and editors need a second factor: REPERES_ADMIN_TOTP_REQUIRED, or by default in production. */
export function secondFactorRequired(env: Pick<Env, "NODE_ENV" | "REPERES_ADMIN_TOTP_REQUIRED">): boolean {
  return env.REPERES_ADMIN_TOTP_REQUIRED ?? env.NODE_ENV === "production";
}
