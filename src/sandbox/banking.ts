/**
 * Banking data the sandbox serves from `openapi/Codat-Banking.json`: the
 * `Account` type (generated from the document) and a browser-safe structural
 * check; the Node seed loader and the conformance tests check accounts against
 * the document's `Account` schema with Ajv. Browser-safe and free of HTTP.
 */
import type { components } from '../api/codat-banking.generated.js';

/** The Banking document's `Account` (`GET .../data/banking-accounts` items), from the generated types. */
export type BankingAccount = components['schemas']['Account'];
export type BankingAccountType = BankingAccount['type'];
export type BankingAccountIdentifierType = BankingAccount['identifiers']['type'];

export const BANKING_ACCOUNT_TYPES: readonly BankingAccountType[] = ['Unknown', 'Credit', 'Debit'];
export const BANKING_IDENTIFIER_TYPES: readonly BankingAccountIdentifierType[] = [
  'Account',
  'Card',
  'Credit',
  'Depository',
  'Investment',
  'Loan',
  'Other',
];

/** Account properties `query` and `orderBy` accept on `data/banking-accounts`. */
export const BANKING_ACCOUNT_QUERY = [
  'id',
  'name',
  'informalName',
  'holder',
  'type',
  'currency',
  'modifiedDate',
  'sourceModifiedDate',
];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one seeded account; returns `[field suffix, problem]` or undefined. */
export type BankingAccountValidator = (account: unknown) => [string, string] | undefined;

/** Minimal browser-safe account check (the Ajv validator is stricter). */
export const basicBankingAccountCheck: BankingAccountValidator = (a) => {
  if (!isObject(a)) return ['', 'must be an object'];
  for (const key of ['id', 'name', 'type', 'balance', 'identifiers', 'currency', 'institution']) {
    if (!(key in a)) return ['', `must have required property '${key}'`];
  }
  for (const key of ['id', 'name', 'currency']) {
    if (typeof a[key] !== 'string' || !a[key]) return [`.${key}`, 'must be a non-empty string'];
  }
  if (!BANKING_ACCOUNT_TYPES.includes(a.type as BankingAccountType)) {
    return ['.type', `must be one of ${BANKING_ACCOUNT_TYPES.join(', ')}`];
  }
  for (const key of ['balance', 'identifiers', 'institution']) {
    if (!isObject(a[key])) return [`.${key}`, 'must be an object'];
  }
  const identifierType = (a.identifiers as Record<string, unknown>).type;
  if (!BANKING_IDENTIFIER_TYPES.includes(identifierType as BankingAccountIdentifierType)) {
    return ['.identifiers.type', `must be one of ${BANKING_IDENTIFIER_TYPES.join(', ')}`];
  }
  return undefined;
};
