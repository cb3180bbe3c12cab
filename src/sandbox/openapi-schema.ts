/**
 * Node-only: Ajv over the vendored Codat OpenAPI documents (Platform and
 * Banking). The documents are 3.1 but use 3.0's `nullable: true`, so they are
 * rewritten to JSON Schema (`type: [t, 'null']`, or `anyOf` with null beside a `$ref`).
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { BankingAccountValidator } from './banking.js';
import type { ConnectionValidator, PullOperationValidator } from './seed.js';

/** The vendored documents the sandbox follows. */
export type OpenApiDocument = 'platform' | 'banking';

/** Location of each OpenAPI document, relative to the package root. */
export const OPENAPI_URLS: Readonly<Record<OpenApiDocument, URL>> = Object.freeze({
  platform: new URL('../../openapi/Codat-Platform.json', import.meta.url),
  banking: new URL('../../openapi/Codat-Banking.json', import.meta.url),
});
/** Location of the Platform document (kept for existing callers). */
export const OPENAPI_URL = OPENAPI_URLS.platform;
const DOC_IDS: Readonly<Record<OpenApiDocument, string>> = {
  platform: 'codat-platform.json',
  banking: 'codat-banking.json',
};
const DOCUMENTS = Object.keys(DOC_IDS) as OpenApiDocument[];

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

let cached: { docs: Record<OpenApiDocument, Json>; ajv: Ajv2020 } | undefined;

function load(): { docs: Record<OpenApiDocument, Json>; ajv: Ajv2020 } {
  if (cached) return cached;
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
  addFormats.default(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('decimal', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  const docs = {} as Record<OpenApiDocument, Json>;
  for (const name of DOCUMENTS) {
    docs[name] = rewriteNullable(JSON.parse(readFileSync(OPENAPI_URLS[name], 'utf8'))) as Json;
    ajv.addSchema(docs[name], DOC_IDS[name]);
  }
  cached = { docs, ajv };
  return cached;
}

/** One parsed OpenAPI document (with nullable rewritten) and the Ajv holding both. */
export function openApi(document: OpenApiDocument = 'platform'): { doc: Json; ajv: Ajv2020 } {
  const { docs, ajv } = load();
  return { doc: docs[document], ajv };
}

/**
 * Compiles a validator for a JSON pointer into a document, e.g.
 * `#/components/schemas/Connection` (Platform) or `#/components/schemas/Account` with `'banking'`.
 */
export function validatorFor(pointer: string, document: OpenApiDocument = 'platform'): ValidateFunction {
  const { ajv } = load();
  const id = `${DOC_IDS[document]}${pointer}`;
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

/** A `BankingAccountValidator` checking against the Banking document's Account schema. */
export function bankingAccountSchemaValidator(): BankingAccountValidator {
  return schemaCheck('Account', 'banking');
}

function schemaCheck(
  name: string,
  document: OpenApiDocument = 'platform',
): (value: unknown) => [string, string] | undefined {
  const validate = validatorFor(`#/components/schemas/${name}`, document);
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

/** The document that declares a path template, or undefined. (No template is in both.) */
export function documentFor(pathTemplate: string): OpenApiDocument | undefined {
  const { docs } = load();
  return DOCUMENTS.find((name) => Object.hasOwn(docs[name].paths as Json, pathTemplate));
}

/**
 * Finds the path template, in either document, for a concrete path, e.g.
 * `/companies/{companyId}` or `/companies/{companyId}/connections/{connectionId}/data/banking-accounts`.
 */
export function pathTemplateFor(pathname: string): string | undefined {
  const { docs } = load();
  const templates = DOCUMENTS.flatMap((name) => Object.keys(docs[name].paths as Json));
  const params = (t: string) => (t.match(/\{/g) ?? []).length;
  return templates
    .sort((a, b) => params(a) - params(b))
    .find((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname));
}

/**
 * Looks up, in the document that declares `pathTemplate`, the JSON schema of
 * the response to `method` with `status` (following a `#/components/responses/...` ref).
 * Returns a validator, `null` when the response is declared without content,
 * and throws when the status is not declared for that operation.
 */
export function responseValidator(pathTemplate: string, method: string, status: number): ValidateFunction | null {
  const document = documentFor(pathTemplate);
  if (!document) throw new Error(`${pathTemplate} is in neither OpenAPI document`);
  const { doc } = openApi(document);
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
  return validatorFor(`${pointer}/content/application~1json/schema`, document);
}
