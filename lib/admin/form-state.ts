import type { FieldChange } from "@/lib/editorial/diff";

/** What every admin server action returns to its form (useActionState). */
export interface FormState {
  status: "idle" | "ok" | "invalid" | "conflict" | "denied" | "error";
  message?: string;
  /** 401 or 403 when denied. */
  httpStatus?: number;
  fieldErrors?: Record<string, string[]>;
  conflict?: { currentVersion: number; changes: FieldChange[]; changedBy: string | null };
  /** Lines to list under the message (links blocking a deletion, recovery codes...). */
  items?: string[];
  /** Sanitised HTML (Markdown preview) or a one-time secret to show. */
  html?: string;
  secret?: string;
  /** A QR code to scan (data URL of an SVG drawn on the server), shown with `secret`. */
  qrCode?: string;
}

export const idleState: FormState = { status: "idle" };
