import { CodatApiError } from '../../src/index.js';

/** The `CodatApiError` a call rejects with; throws if it resolves or rejects with anything else. */
export async function failureOf(promise: Promise<unknown>): Promise<CodatApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CodatApiError) return error;
    throw error;
  }
  throw new Error('expected the operation to fail');
}
