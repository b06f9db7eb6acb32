import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AccessDenied } from "@/lib/auth/errors";
import { requireUser } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/sessions";
import { prisma } from "@/lib/db/client";
import type { Database } from "@/lib/db/connect";
import type { UserRole } from "@/lib/db/generated/enums";
import { requestIp } from "@/lib/http/request-context";
import { fieldErrorsOf, INVALID_FORM_MESSAGE } from "@/lib/validation/form-errors";
import type { FormState } from "./form-state";

/**
 * Runs a server action body; a refusal (AccessDenied) becomes a "denied" state with its status,
 * and any other failure a French message, so that the form and its input stay on screen.
 * Next's own signals (redirect, notFound) pass through.
 */
async function guarded(body: () => Promise<FormState>): Promise<FormState> {
  try {
    return await body();
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AccessDenied) return { status: "denied", httpStatus: error.status, message: error.message };
    console.error(error);
    return {
      status: "error",
      message: "Une erreur inattendue a empêché l'enregistrement. Votre saisie est conservée ; réessayez dans un instant.",
    };
  }
}

/** A form whose fields do not parse: the summary message and one message per field. */
export function invalidForm(error: z.ZodError): FormState {
  return { status: "invalid", message: INVALID_FORM_MESSAGE, fieldErrors: fieldErrorsOf(error) };
}

interface ActionContext<Input> {
  input: Input;
  formData: FormData;
  /** The client's address, for the journal and throttles. */
  ip: string;
  db: Database;
}

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

interface ActionOptions<Schema extends z.ZodType> {
  /** The form's fields, read with Object.fromEntries (one value per name) unless `fields` says otherwise. */
  schema: Schema;
  /** How to read the form for the schema when some names carry several values (lists of checkboxes). */
  fields?: (formData: FormData) => unknown;
  /** What a form that does not parse gets: field errors by default. */
  invalid?: (error: z.ZodError) => FormState;
}

async function parsedContext<Schema extends z.ZodType>(
  options: ActionOptions<Schema>,
  formData: FormData,
): Promise<ActionContext<z.infer<Schema>> | FormState> {
  const parsed = options.schema.safeParse(options.fields ? options.fields(formData) : Object.fromEntries(formData));
  if (!parsed.success) return (options.invalid ?? invalidForm)(parsed.error);
  return { input: parsed.data, formData, ip: await requestIp(), db: prisma };
}

const isContext = <Input>(value: ActionContext<Input> | FormState): value is ActionContext<Input> => "db" in value;

/**
 * A back-office server action: checks the caller's role (on the server, once for the whole
 * path), parses the form with its zod schema, and hands the body the user, the parsed input,
 * the client address and the database. Refusals and failures become form states.
 */
export function adminAction<Schema extends z.ZodType>(
  options: ActionOptions<Schema> & { role: UserRole; allowMissingSecondFactor?: boolean },
  body: (context: ActionContext<z.infer<Schema>> & { user: SessionUser }) => Promise<FormState>,
): Action {
  return (_previous, formData) =>
    guarded(async () => {
      const user = await requireUser(options.role, { allowMissingSecondFactor: options.allowMissingSecondFactor });
      const context = await parsedContext(options, formData);
      return isContext(context) ? body({ ...context, user }) : context;
    });
}

/**
 * An action open to anonymous callers: its input carries its own credential (a one-time link), or
 * it is a visitor's submission, whose body applies its own abuse checks (lib/proposals/intake.ts).
 */
export function publicAction<Schema extends z.ZodType>(
  options: ActionOptions<Schema>,
  body: (context: ActionContext<z.infer<Schema>>) => Promise<FormState>,
): Action {
  return (_previous, formData) =>
    guarded(async () => {
      const context = await parsedContext(options, formData);
      return isContext(context) ? body(context) : context;
    });
}
