import { useTranslation } from 'react-i18next';
import type { PolicyInstrument } from './contract.ts';

/**
 * The marks an instrument carries wherever it is shown: an illustrative example (no authority
 * issued it) is never shown as a real policy, and an unverified one says so.
 */
export function PolicyBadges(props: {
  readonly instrument: Pick<PolicyInstrument, 'illustrative' | 'verified'>;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.instrument.illustrative ? (
        <span className="badge badge-illustrative" data-testid="illustrative-badge">
          {t('policy.illustrative')}
        </span>
      ) : null}
      {props.instrument.verified ? null : (
        <span className="badge badge-unverified" title={t('policy.unverifiedHint')}>
          {t('policy.unverified')}
        </span>
      )}
    </>
  );
}

/** The source tag of the research notes: [C] confirmed, [S] secondary, [U] unconfirmed. */
export function SourceTag(props: { readonly tag: PolicyInstrument['tag'] }) {
  const { t } = useTranslation();
  return (
    <abbr className="badge badge-tag" title={t(`policy.tags.${props.tag}`)}>
      [{props.tag}]
    </abbr>
  );
}
