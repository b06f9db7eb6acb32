/**
 * Checks API responses against the OpenAPI document the app generates: the document itself is
 * validated against the OpenAPI 3.1 schema, and each response body against the schema that
 * the document gives for its path and status.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { openApiDocument } from "@/lib/api/openapi";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const DOC_ID = "https://reperes.test/openapi.json";

export const document = openApiDocument("http://localhost/api/v1");

export async function validateDocument(): Promise<{ valid: boolean; errors: unknown }> {
  const result = await new Validator().validate(structuredClone(document) as unknown as Parameters<Validator["validate"]>[0]);
  return { valid: result.valid, errors: result.errors };
}

const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
ajv.addSchema({ ...structuredClone(document), $id: DOC_ID });

type Operation = { responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> };

/** Path template of the document matching a concrete API path ("/initiatives/abc" → "/initiatives/{slug}"). */
function templateOf(path: string): string {
  for (const template of Object.keys(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    if (pattern.test(path)) return template;
  }
  throw new Error(`No path of the OpenAPI document matches ${path}`);
}

/** Errors of `body` against the documented response (empty when valid). */
export function contractErrors(apiPath: string, status: number, contentType: string, body: unknown): string[] {
  const operation = (document.paths as Record<string, { get: Operation }>)[templateOf(apiPath)]!.get;
  const response = operation.responses[String(status)];
  if (!response) return [`status ${status} is not documented for ${apiPath}`];
  const media = contentType.split(";")[0]!.trim();
  const schemaRef = response.content?.[media]?.schema.$ref;
  if (!schemaRef) return [`${media} is not documented for ${status} on ${apiPath}`];
  const validate = ajv.getSchema(`${DOC_ID}${schemaRef}`);
  if (!validate) return [`cannot resolve ${schemaRef}`];
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Errors of `value` against a named component schema of the document (empty when valid). */
export function componentErrors(name: string, value: unknown): string[] {
  const validate = ajv.getSchema(`${DOC_ID}#/components/schemas/${name}`);
  if (!validate) return [`no component ${name}`];
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
