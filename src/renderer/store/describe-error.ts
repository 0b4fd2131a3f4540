// Any failure, in the agent's language: the contract's code decides the text; a 403 names the
// missing permission; validation messages from the server are shown as they are.
import i18next from 'i18next';
import { UiError } from '../api';

export function describeError(error: unknown): string {
  if (!(error instanceof UiError)) return i18next.t('common.errors.Internal');
  if (error.code === 'Forbidden' && error.permission) {
    return i18next.t('common.errors.ForbiddenPermission', { permission: error.permission });
  }
  return i18next.t(`common.errors.${error.code}`, { message: error.message });
}
