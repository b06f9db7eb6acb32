import { z } from "zod";

/** PostgreSQL's `integer`: a larger value is an error in the database, so a 500 for the visitor. */
export const PG_INT_MAX = 2_147_483_647;

const french = (n: number) => n.toLocaleString("fr-FR");

/**
 * Every integer read from outside (query string, path, form, API parameter) goes through this:
 * coerced from text, whole, and within [min, max], `max` never above PG_INT_MAX, so that
 * `2147483648`, `1e999` or `NaN` are a French validation message and never reach a query.
 */
export function boundedInt(
  min: number,
  max = PG_INT_MAX,
  message = `Nombre entier attendu, entre ${french(min)} et ${french(Math.min(max, PG_INT_MAX))}.`,
) {
  return z.coerce.number({ error: message }).int(message).min(min, message).max(Math.min(max, PG_INT_MAX), message);
}

/** A record's id (a serial column). */
export const recordId = boundedInt(1, PG_INT_MAX, "Identifiant invalide.");
/** An optimistic-locking version. */
export const recordVersion = boundedInt(0, PG_INT_MAX, "Version invalide.");
/** A page number of a list: past the last page is an empty page, never a huge OFFSET. */
export const pageNumber = (max = 10_000) => boundedInt(1, max, "Numéro de page invalide.");
/** A year of activity, as the search filters take it. */
export const activityYear = boundedInt(1900, 2100, "Année invalide (entre 1900 et 2100).");
