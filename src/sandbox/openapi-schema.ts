/**
 * Node-only: Ajv over the vendored Codat Platform OpenAPI document. The
 * document is 3.1 but uses 3.0's `nullable: true`, so it is rewritten to
 * JSON Schema (`type: [t, 'null']`, or `anyOf` with null beside a `$ref`).
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ConnectionValidator, PullOperationValidator } from './seed.js';

/** Location of the OpenAPI document, relative to the package root. */
export const OPENAPI_URL = new URL('../../openapi/Codat-Platform.json', import.meta.url);
const DOC_ID = 'codat-platform.json';

type Json = Record<string, unknown>;

/** Rewrites `nullable: true` throughout a schema tree (returns a new tree). */
export function rewriteNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteNullable);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = rewriteNullable(v);
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

let cached: { doc: Json; ajv: Ajv2020 } | undefined;

/** The parsed OpenAPI document (with nullable rewritten) and an Ajv holding it. */
export function openApi(): { doc: Json; ajv: Ajv2020 } {
  if (cached) return cached;
  const doc = rewriteNullable(JSON.parse(readFileSync(OPENAPI_URL, 'utf8'))) as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
  addFormats.default(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addSchema(doc, DOC_ID);
  cached = { doc, ajv };
  return cached;
}

/** Compiles a validator for a JSON pointer into the document, e.g. `#/components/schemas/Connection`. */
export function validatorFor(pointer: string): ValidateFunction {
  const { ajv } = openApi();
  const id = `${DOC_ID}${pointer}`;
  return ajv.getSchema(id) ?? ajv.compile({ $ref: id });
}

const FORMAT_WORDS: Record<string, string> = { uuid: 'a UUID', uri: 'a URI', 'date-time': 'an ISO 8601 date-time' };

/** Turns an Ajv error into `[field suffix, problem]`, e.g. `['.status', 'must be one of ...']`. */
export function describeAjvError(e: ErrorObject): [string, string] {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('');
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'enum':
      return [path, `must be one of ${(p.allowedValues as unknown[]).filter((v) => v !== null).join(', ')}`];
    case 'required':
      return [`${path}.${String(p.missingProperty)}`, 'is required'];
    case 'additionalProperties':
      return [`${path}.${String(p.additionalProperty)}`, 'is not an allowed property'];
    case 'format':
      return [path, `must be ${FORMAT_WORDS[String(p.format)] ?? `in format ${String(p.format)}`}`];
    default:
      return [path, e.message ?? 'is invalid'];
  }
}

/** A `ConnectionValidator` checking against the document's Connection schema. */
export function connectionSchemaValidator(): ConnectionValidator {
  return schemaCheck('Connection');
}

/** A `PullOperationValidator` checking against the document's PullOperation schema. */
export function pullOperationSchemaValidator(): PullOperationValidator {
  return schemaCheck('PullOperation');
}

function schemaCheck(name: string): (value: unknown) => [string, string] | undefined {
  const validate = validatorFor(`#/components/schemas/${name}`);
  return (value) => {
    if (validate(value)) return undefined;
    const errors = validate.errors ?? [];
    // Prefer the most specific error (enum over the anyOf wrapper around it, etc.).
    const best = errors.find((e) => e.keyword !== 'anyOf' && e.keyword !== 'type') ?? errors[0];
    return best ? describeAjvError(best) : ['', 'is invalid'];
  };
}

/** Encodes one JSON-pointer segment for use inside a URI fragment. */
const pointerSegment = (s: string) =>
  s
    .replace(/~/g, '~0')
    .replace(/\//g, '~1')
    .replace(/[{}%]/g, (c) => encodeURIComponent(c));

/** Finds the document's path template for a concrete path, e.g. `/companies/{companyId}`. */
export function pathTemplateFor(pathname: string): string | undefined {
  const templates = Object.keys(openApi().doc.paths as Json);
  const params = (t: string) => (t.match(/\{/g) ?? []).length;
  return templates
    .sort((a, b) => params(a) - params(b))
    .find((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname));
}

/**
 * Looks up, in the document, the JSON schema of the response to `method` on
 * `pathTemplate` with `status` (following a `#/components/responses/...` ref).
 * Returns a validator, `null` when the response is declared without content,
 * and throws when the status is not declared for that operation.
 */
export function responseValidator(pathTemplate: string, method: string, status: number): ValidateFunction | null {
  const { doc } = openApi();
  const operation = ((doc.paths as Json)[pathTemplate] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
  if (!operation) throw new Error(`${method} ${pathTemplate} is not in the OpenAPI document`);
  const responses = operation.responses as Json;
  const key = String(status) in responses ? String(status) : 'default';
  let response = responses[key] as Json | undefined;
  if (!response) throw new Error(`${method} ${pathTemplate} does not declare status ${status}`);
  let pointer = `#/paths/${pointerSegment(pathTemplate)}/${method.toLowerCase()}/responses/${key}`;
  if (typeof response.$ref === 'string') {
    pointer = response.$ref;
    const [, kind, name] = /^#\/components\/(\w+)\/(.+)$/.exec(pointer)!;
    response = ((doc.components as Json)[kind!] as Json)[name!] as Json;
  }
  const content = response.content as Json | undefined;
  if (!content) return null;
  if (!content['application/json']) throw new Error(`${pointer} has no application/json content`);
  return validatorFor(`${pointer}/content/application~1json/schema`);
}
