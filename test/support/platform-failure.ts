// What a platform call that must fail failed with: a PlatformError, for the test to look at.
import { expect } from 'vitest';
import { PlatformError } from '../../src/main/services/errors/platform-error';

export async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => expect.fail('expected a PlatformError'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}
