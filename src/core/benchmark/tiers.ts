// The tiered cultivation of green factories (工信部节〔2024〕13号, domain.md §1.5) as a state machine:
// cultivation pool -> municipal -> provincial -> national, and removal, with every transition guarded
// by the rule that allows it. Transitions are data (tierTransitions); transitionTier() checks the
// guards and returns either the new record or the reasons it refused, never a half-changed record.
//
// This models where a unit stands among the tiers over the years. The declaration route of one
// round (applied -> evaluated -> recommended -> public notice -> listed) is a separate, finer
// machine; the removal-trigger keys here are the same words as the workflow's.

/** Where a unit stands: in its province's cultivation pool, listed at a tier, or removed. */
export type TierState = 'cultivation-pool' | 'municipal' | 'provincial' | 'national' | 'removed';

export const tierStates: readonly TierState[] = [
  'cultivation-pool',
  'municipal',
  'provincial',
  'national',
  'removed',
];

/** The negative list of art. 15 (situations in the past 3 years), as relayed by the Jiangsu 2024 notice [C]. */
export type NegativeListSituation =
  | 'not_operating'
  | 'safety_accident'
  | 'quality_accident'
  | 'environmental_accident'
  | 'tax_violation'
  | 'previously_removed'
  | 'inspection_problems'
  | 'rectification_unfinished'
  | 'dishonest_debtor';

/** Why a unit is removed: Heilongjiang's provincial rules [C], and the end of a pool term [S]. */
export type TierRemovalTrigger =
  | 'negative_list'
  | 'refused_dynamic_table'
  | 'falsified_data'
  | 'major_accident'
  | 'failed_recheck'
  | 'failed_spot_check'
  | 'pool_expired';

/** Each removal trigger with its source and confidence tag (domain.md §1.5). */
export const tierRemovalTriggers: Readonly<
  Record<
    TierRemovalTrigger,
    { readonly text: string; readonly source: string; readonly tag: 'C' | 'S' | 'U' }
  >
> = Object.freeze({
  negative_list: {
    text: 'An art. 15 negative-list situation arose',
    source: '工信部节〔2024〕13号 art. 15 (Jiangsu 2024 notice)',
    tag: 'C',
  },
  refused_dynamic_table: {
    text: 'Refused to file the annual dynamic-management table',
    source: 'Heilongjiang provincial rules',
    tag: 'C',
  },
  falsified_data: { text: 'Falsified data', source: 'Heilongjiang provincial rules', tag: 'C' },
  major_accident: {
    text: 'A major or worse production-safety or quality accident, or an environmental incident of grade II or above (immediate removal)',
    source: 'Heilongjiang provincial rules',
    tag: 'C',
  },
  failed_recheck: {
    text: 'No longer meets the standard on re-check (after a declared change of name, scope, address or boundary, or the three-yearly re-check)',
    source: 'Heilongjiang provincial rules; 2021 recommendation notice (yeahqiona PDF 551)',
    tag: 'C',
  },
  failed_spot_check: {
    text: 'Failed a provincial spot check',
    source: '工信部节〔2024〕13号 art. 17',
    tag: 'C',
  },
  pool_expired: {
    text: 'Three years in the cultivation pool without being listed',
    source: 'Guangdong 粤工信规字〔2024〕4号 (secondary compilation)',
    tag: 'S',
  },
});

/** The years a negative-list situation (including an earlier removal) bars a unit (art. 15 [C]). */
export const NEGATIVE_LIST_YEARS = 3;
/** Guangdong lists cultivation objects for 3 years [S]. */
export const POOL_TERM_YEARS = 3;
/** MIIT publicises national candidates for 15 days [C]. */
export const PUBLIC_NOTICE_DAYS = 15;

/** One step of a unit's tier history. */
export interface TierStep {
  readonly from: TierState | null;
  readonly to: TierState;
  readonly on: string;
  readonly rule: string;
  readonly trigger?: TierRemovalTrigger;
}

/** A unit's tier record: its state, since when, how it got there. */
export interface TierRecord {
  readonly unitId: string;
  readonly state: TierState;
  /** Civil date (YYYY-MM-DD) of the last transition. */
  readonly since: string;
  /** When the unit last entered the cultivation pool (for the pool term). */
  readonly pooledOn: string;
  readonly removal: { readonly trigger: TierRemovalTrigger; readonly on: string } | null;
  readonly history: readonly TierStep[];
}

/** What happened, with the facts the guards need. */
export type TierEvent =
  | {
      readonly kind: 'promote';
      readonly to: 'municipal' | 'provincial' | 'national';
      readonly on: string;
      /** The unit's (self- or third-party) evaluation passed at the tier it goes to (art. 10). */
      readonly evaluationPassed: boolean;
      readonly negativeList: readonly NegativeListSituation[];
      /** For provincial: the province has no municipal tier, so a pool unit may go straight to it. */
      readonly provinceHasMunicipalTier?: boolean;
      /** For national: recommended by the province, reviewed by MIIT, notice days run, objections upheld. */
      readonly recommendedByProvince?: boolean;
      readonly publicNoticeDays?: number;
      readonly objectionUpheld?: boolean;
    }
  | { readonly kind: 'remove'; readonly trigger: TierRemovalTrigger; readonly on: string }
  | {
      readonly kind: 'readmit';
      readonly on: string;
      readonly negativeList: readonly NegativeListSituation[];
    };

/** The outcome of a transition: the new record, or the guards that refused it. */
export type TierOutcome =
  | { readonly ok: true; readonly record: TierRecord }
  | { readonly ok: false; readonly record: TierRecord; readonly refused: readonly string[] };

/** Each transition as data: where it starts, where it ends, and the rule behind it. */
export const tierTransitions = Object.freeze([
  {
    event: 'promote',
    from: 'cultivation-pool',
    to: 'municipal',
    rule: 'art. 10: evaluated against the municipal requirements; municipal departments run the local tier [C]',
  },
  {
    event: 'promote',
    from: 'cultivation-pool',
    to: 'provincial',
    rule: 'a province without a municipal tier evaluates pool units itself (provincial implementing rules) [S]',
  },
  {
    event: 'promote',
    from: 'municipal',
    to: 'provincial',
    rule: 'art. 10: evaluated against the provincial requirements [C]',
  },
  {
    event: 'promote',
    from: 'provincial',
    to: 'national',
    rule: 'provinces recommend; MIIT reviews with experts and publicises for 15 days [C]',
  },
  {
    event: 'remove',
    from: 'cultivation-pool',
    to: 'removed',
    rule: 'a removal trigger, or the pool term ended',
  },
  {
    event: 'remove',
    from: 'municipal',
    to: 'removed',
    rule: 'a removal trigger (Heilongjiang rules [C], art. 15)',
  },
  {
    event: 'remove',
    from: 'provincial',
    to: 'removed',
    rule: 'a removal trigger (Heilongjiang rules [C], art. 15)',
  },
  {
    event: 'remove',
    from: 'national',
    to: 'removed',
    rule: 'a removal trigger (Heilongjiang rules [C], art. 15)',
  },
  {
    event: 'readmit',
    from: 'removed',
    to: 'cultivation-pool',
    rule: 'an earlier removal bars a unit for 3 years (art. 15 [C]); readmission after them is an inference [U]',
  },
] as const satisfies readonly { event: TierEvent['kind']; from: TierState; to: TierState; rule: string }[]);

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The civil date n years after a date (29 February moves to 1 March in a common year). */
function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const rest = date.slice(4);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}${rest === '-02-29' && !leap ? '-03-01' : rest}`;
}

/** Puts a unit into its province's cultivation pool (art. 6), refused while a negative-list situation stands. */
export function enterCultivationPool(
  unitId: string,
  on: string,
  negativeList: readonly NegativeListSituation[],
): TierOutcome {
  const record: TierRecord = {
    unitId,
    state: 'cultivation-pool',
    since: on,
    pooledOn: on,
    removal: null,
    history: [
      {
        from: null,
        to: 'cultivation-pool',
        on,
        rule: 'art. 6: provinces put units with potential into the cultivation pool [C]',
      },
    ],
  };
  const refused: string[] = [];
  if (!DATE.test(on)) refused.push(`date "${on}" is not YYYY-MM-DD`);
  if (negativeList.length > 0) refused.push(`negative list (art. 15): ${negativeList.join(', ')}`);
  return refused.length > 0 ? { ok: false, record, refused } : { ok: true, record };
}

/** Applies an event to a tier record if every guard of its transition holds; otherwise says which did not. */
export function transitionTier(record: TierRecord, event: TierEvent): TierOutcome {
  const refused: string[] = [];
  if (!DATE.test(event.on)) refused.push(`date "${event.on}" is not YYYY-MM-DD`);
  else if (event.on < record.since)
    refused.push(`date ${event.on} is before the last transition (${record.since})`);
  const to: TierState =
    event.kind === 'promote' ? event.to : event.kind === 'remove' ? 'removed' : 'cultivation-pool';
  const transition = tierTransitions.find(
    (t) => t.event === event.kind && t.from === record.state && t.to === to,
  );
  if (!transition) {
    return { ok: false, record, refused: [`no ${event.kind} from ${record.state} to ${to}`, ...refused] };
  }
  switch (event.kind) {
    case 'promote':
      if (!event.evaluationPassed)
        refused.push(`the evaluation at the ${event.to} tier did not pass (art. 10)`);
      if (event.negativeList.length > 0)
        refused.push(`negative list (art. 15): ${event.negativeList.join(', ')}`);
      if (
        record.state === 'cultivation-pool' &&
        event.to === 'provincial' &&
        event.provinceHasMunicipalTier !== false
      )
        refused.push('the province has a municipal tier: a pool unit goes to the municipal tier first');
      if (event.to === 'national') {
        if (event.recommendedByProvince !== true) refused.push('not recommended by the province');
        if ((event.publicNoticeDays ?? 0) < PUBLIC_NOTICE_DAYS)
          refused.push(`the public notice ran ${event.publicNoticeDays ?? 0} of ${PUBLIC_NOTICE_DAYS} days`);
        if (event.objectionUpheld === true) refused.push('an objection in the public notice was upheld');
      }
      break;
    case 'remove':
      if (event.trigger === 'pool_expired') {
        if (record.state !== 'cultivation-pool')
          refused.push('the pool term applies only to units in the pool');
        else if (event.on < addYears(record.pooledOn, POOL_TERM_YEARS))
          refused.push(`the pool term of ${POOL_TERM_YEARS} years from ${record.pooledOn} has not ended`);
      }
      break;
    case 'readmit':
      if (record.removal && event.on < addYears(record.removal.on, NEGATIVE_LIST_YEARS))
        refused.push(`removed on ${record.removal.on}: barred for ${NEGATIVE_LIST_YEARS} years (art. 15)`);
      if (event.negativeList.length > 0)
        refused.push(`negative list (art. 15): ${event.negativeList.join(', ')}`);
      break;
  }
  if (refused.length > 0) return { ok: false, record, refused };
  const step: TierStep = {
    from: record.state,
    to,
    on: event.on,
    rule: transition.rule,
    ...(event.kind === 'remove' ? { trigger: event.trigger } : {}),
  };
  return {
    ok: true,
    record: {
      unitId: record.unitId,
      state: to,
      since: event.on,
      pooledOn: event.kind === 'readmit' ? event.on : record.pooledOn,
      removal:
        event.kind === 'remove'
          ? { trigger: event.trigger, on: event.on }
          : event.kind === 'readmit'
            ? null
            : record.removal,
      history: [...record.history, step],
    },
  };
}

/**
 * The removal triggers that an annual check raises for a listed unit (Heilongjiang rules [C]): no
 * dynamic table, falsified data, a major accident, a failed re-check or spot check, or an art. 15 situation.
 */
export function removalTriggersOf(check: {
  readonly dynamicTableFiled: boolean;
  readonly falsifiedData: boolean;
  readonly majorAccident: boolean;
  readonly recheckPassed: boolean | null;
  readonly spotCheckPassed: boolean | null;
  readonly negativeList: readonly NegativeListSituation[];
}): TierRemovalTrigger[] {
  const triggers: TierRemovalTrigger[] = [];
  if (check.majorAccident) triggers.push('major_accident');
  if (check.falsifiedData) triggers.push('falsified_data');
  if (!check.dynamicTableFiled) triggers.push('refused_dynamic_table');
  if (check.recheckPassed === false) triggers.push('failed_recheck');
  if (check.spotCheckPassed === false) triggers.push('failed_spot_check');
  if (check.negativeList.length > 0) triggers.push('negative_list');
  return triggers;
}
