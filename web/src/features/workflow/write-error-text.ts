import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';

/**
 * What went wrong with a write, in plain words: the sign-in, role and state errors of the workflow
 * (docs/workflow.md) by their codes, a validation error with the field it names, else the
 * server's message. `unauthenticatedKey` words a 401 for the screen (a wrong password on sign-in).
 */
export function writeErrorText(
  t: TFunction,
  e: unknown,
  unauthenticatedKey = 'write.unauthenticated',
): string {
  if (!(e instanceof ApiError)) return t('state.networkError');
  const code = e.body?.code ?? '';
  const details = e.body?.details ?? {};
  switch (code) {
    case 'GM_UNAUTHENTICATED':
      return t(unauthenticatedKey);
    case 'GM_RATE_LIMITED':
      return t('write.rateLimited', {
        seconds: typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : '',
      });
    case 'GM_FORBIDDEN':
      return t('write.forbidden', { message: e.message });
    case 'GM_INVALID_TRANSITION':
    case 'GM_DEADLINE_PASSED':
    case 'GM_QUOTA_EXCEEDED':
    case 'GM_NEGATIVE_LIST':
    case 'GM_CONFLICT':
      return t('write.refused', { message: e.message });
    case 'GM_VALIDATION': {
      const issues = Array.isArray(details.issues)
        ? (details.issues as { field?: string; message?: string }[])
        : [];
      const first = issues[0];
      return first
        ? t('write.invalidField', { field: first.field ?? '', message: first.message ?? '' })
        : e.message;
    }
    default:
      return e.status >= 500 ? t('state.serverError') : t('state.requestError', { message: e.message });
  }
}
