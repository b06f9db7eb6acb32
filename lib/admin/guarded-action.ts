import "server-only";
import { unstable_rethrow } from "next/navigation";
import { AccessDenied } from "@/lib/auth/errors";
import type { FormState } from "./form-state";

/**
 * Runs a server action body; a refusal (AccessDenied) becomes a "denied" state with its status,
 * and any other failure a French message, so that the form and its input stay on screen.
 */
export async function guarded(body: () => Promise<FormState>): Promise<FormState> {
  try {
    return await body();
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AccessDenied) return { status: "denied", httpStatus: error.status, message: error.message };
    console.error(error);
    return { status: "error", message: "Une erreur inattendue a empêché l'enregistrement. Votre saisie est conservée ; réessayez dans un instant." };
  }
}
