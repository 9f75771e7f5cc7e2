import type { TFunction } from 'i18next';
import type { Principal } from '../../api/contract.ts';

/** A principal's role in words: "Programme administrator (province)", "Evaluation agency" … */
export function roleLabel(t: TFunction, p: Principal): string {
  return p.kind === 'admin'
    ? t('auth.role.admin', { level: t(`auth.level.${p.level}`) })
    : t(`auth.role.${p.kind}`);
}
