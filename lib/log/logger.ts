import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/lib/config/env";

/**
 * Keys whose values never reach the logs, wherever they sit in a logged object (personal data,
 * secrets). Checked by tests/unit/logger.test.ts.
 */
const SECRET_KEYS = [
  "email",
  "password",
  "passwordHash",
  "newPassword",
  "currentPassword",
  "token",
  "secret",
  "totp",
  "code",
  "cookie",
  "authorization",
  "contactName",
  "contactEmail",
  "contactPhone",
  "name",
  "ip",
];
const REDACTED = "[masqué]";
const EMAIL = /[^\s@"'<>]+@[^\s@"'<>]+\.[^\s@"'<>]+/g;
const CREDENTIALS_IN_URL = /(\w+:\/\/)[^/\s:@]+:[^/\s@]+@/g;

/** Free text (an error message, a stack) may quote an address or a connection string. */
export function scrubText(text: string): string {
  return text.replace(CREDENTIALS_IN_URL, `$1${REDACTED}@`).replace(EMAIL, REDACTED);
}

function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { message: scrubText(String(error)) };
  const digest = (error as { digest?: unknown }).digest;
  return {
    type: error.name,
    message: scrubText(error.message),
    stack: error.stack ? scrubText(error.stack) : undefined,
    ...(typeof digest === "string" ? { digest } : {}),
  };
}

/** REPERES_LOG_LEVEL; "info" while the configuration is invalid, so that its error can still be logged. */
function configuredLevel(): string {
  try {
    return env().REPERES_LOG_LEVEL;
  } catch {
    return "info";
  }
}

/** JSON lines on standard output (or `destination`, for tests), one object per event. */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      base: { app: "reperes" },
      level: configuredLevel(),
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "message",
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]), censor: REDACTED },
      serializers: { err: serializeError, error: serializeError },
      hooks: {
        logMethod(args, method) {
          // The message itself is free text too.
          method.apply(this, args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

const holder = globalThis as { reperesLogger?: Logger };

/** The process's logger. */
export function logger(): Logger {
  holder.reperesLogger ??= createLogger();
  return holder.reperesLogger;
}
