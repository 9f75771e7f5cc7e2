/**
 * The dates and limits of the national green manufacturing programme as data, each with its source
 * and a tag (C = confirmed in a primary or official relay text, S = secondary, U = inferred), from
 * ../shared/reference/domain.md §1.3-1.5. Code reads these values; it never repeats the numbers.
 */
export type RuleTag = 'C' | 'S' | 'U';

export interface SourcedRule<T> {
  readonly value: T;
  readonly source: string;
  readonly tag: RuleTag;
}

/** A yearly deadline: month and day, in the year the rule names. */
export interface AnnualDeadline {
  readonly month: number;
  readonly day: number;
}

const interim =
  '工信部节〔2024〕13号 (Interim Measures for Tiered Cultivation and Management of Green Factories)';

export const programmeRules = Object.freeze({
  publicNoticeDays: {
    value: 15,
    source: `${interim}: MIIT reviews national candidates with experts and publicises the results for 15 days`,
    tag: 'C',
  } satisfies SourcedRule<number>,
  provincialRecommendationBy: {
    value: { month: 7, day: 31 },
    source: `${interim}: provinces recommend national candidates by 31 July`,
    tag: 'S',
  } satisfies SourcedRule<AnnualDeadline>,
  agencyNationalEvaluationsPerYear: {
    value: 15,
    source: `${interim} art. 20: evaluators under one legal representative take at most 15 national evaluation projects a year`,
    tag: 'C',
  } satisfies SourcedRule<number>,
  fullYearSelfDeclarationBy: {
    value: { month: 1, day: 15 },
    source: '工信厅节函〔2022〕7号: every year by 15 January, the full previous year',
    tag: 'C',
  } satisfies SourcedRule<AnnualDeadline>,
  halfYearSelfDeclarationBy: {
    value: { month: 7, day: 15 },
    source: '工信厅节函〔2022〕7号: every year by 15 July, the first half year',
    tag: 'C',
  } satisfies SourcedRule<AnnualDeadline>,
  dynamicTableBy: {
    value: { month: 4, day: 15 },
    source: `${interim}: listed units submit the dynamic-management table each year by 15 April (Heilongjiang's rules use 30 March)`,
    tag: 'S',
  } satisfies SourcedRule<AnnualDeadline>,
  negativeListLookbackYears: {
    value: 3,
    source: `${interim} art. 15, as relayed by the Jiangsu 2024 notice: situations in the past 3 years`,
    tag: 'C',
  } satisfies SourcedRule<number>,
});

/** Situations of the negative list (art. 15): a unit in one of them may not enter, and a listed unit is removed. */
export const negativeListReasons = Object.freeze({
  not_operating:
    'Not operating normally: deregistered, stopped for more than 12 months, or on the abnormal-operation list',
  safety_accident: 'A safety (including network and data security) accident',
  quality_accident: 'A quality accident',
  environmental_accident: 'An environmental accident',
  tax_violation: 'Tax evasion or a similar violation',
  previously_removed: 'Removed from a green list before',
  inspection_problems: 'Serious problems found in a national or provincial inspection',
  rectification_unfinished:
    'On an industrial energy-saving supervision rectification list without completing the fix',
  dishonest_debtor: 'Listed as a dishonest judgment debtor (失信被执行人)',
} as const);

export type NegativeListReason = keyof typeof negativeListReasons;

/** Removal triggers for a listed unit (Heilongjiang's provincial rules, [C]), plus the art. 15 situations. */
export const removalTriggers = Object.freeze({
  negative_list: 'An art. 15 negative-list situation arose',
  refused_dynamic_table: 'Refused to file the dynamic-management table',
  falsified_data: 'Falsified data',
  major_accident:
    'A major or worse safety or quality accident, or an environmental incident of grade II or above (immediate removal)',
  failed_recheck:
    'No longer meets the standard after a re-check (for example after a change of name, scope, address or boundary)',
  failed_spot_check: 'Failed a spot check',
} as const);

export type RemovalTrigger = keyof typeof removalTriggers;

/** Changes a listed unit must declare; each one is re-checked (Heilongjiang's provincial rules, [C]). */
export const declarableChanges = ['name', 'scope', 'address', 'boundary'] as const;

export type DeclarableChange = (typeof declarableChanges)[number];

const pad = (n: number): string => String(n).padStart(2, '0');

/** The date in a given year on which an annual deadline falls. */
export function deadlineIn(year: number, deadline: AnnualDeadline): string {
  return `${String(year).padStart(4, '0')}-${pad(deadline.month)}-${pad(deadline.day)}`;
}

/** The last day on which a province may recommend national candidates in a round year. */
export function recommendationDeadline(roundYear: number): string {
  return deadlineIn(roundYear, programmeRules.provincialRecommendationBy.value);
}
