// plan(standard, subject): which indicators and gates apply, which facts they need, and the rules
// compiled once into plain closures over numbered fact slots, so that evaluate() runs no interpreter.
import { GmError } from '../errors.ts';
import { quotaLimits } from '../benchmark/quota-grade.ts';
import type { GateDef, IndicatorDef, IndicatorSystem, Scoring } from '../standards/indicator-system.ts';
import type { Sourced } from '../standards/sourced.ts';
import type { EvaluationPlan, FactKind, FactSpec, PlannedGate, PlannedIndicator } from './evaluation-plan.ts';
import { canonicalJson, fnv1a64Start, fnv1a64Update } from './facts-hash.ts';
import { formulaCatalog } from './formula-catalog.ts';
import {
  scoreAssessment,
  scoreBanded,
  scoreLinear,
  scoreMeetsReference,
  scoreRatioToLead,
} from './scoring.ts';
import type { Subject } from './subject.ts';
import { compileApplicability, describeApplicability } from './subject.ts';

const TONNES: Readonly<Record<string, number>> = {
  kgce: 0.001,
  tce: 1,
  kgCO2: 0.001,
  kgCO2e: 0.001,
  tCO2: 1,
  tCO2e: 1,
};

const split = (unit: string): [string, string] => {
  const i = unit.indexOf('/');
  return i < 0 ? [unit, ''] : [unit.slice(0, i), unit.slice(i + 1)];
};

function resolveUnit(spec: string, subject: Subject, code: string): string {
  if (!spec.startsWith('@')) return spec;
  const [source, part] = spec.slice(1).split('.') as [string, string | undefined];
  const unit =
    source === 'quota'
      ? subject.energyQuota?.row.unit
      : source === 'waterQuota'
        ? subject.waterQuota?.unit
        : undefined;
  if (unit === undefined) {
    throw new GmError(
      'GM_VALIDATION',
      `Indicator ${code} needs the subject's ${source === 'quota' ? 'energy' : 'water'} quota`,
      {
        issues: [
          {
            field: source === 'quota' ? 'subject.energyQuota' : 'subject.waterQuota',
            message: `required by ${code}`,
          },
        ],
      },
    );
  }
  if (part === undefined) return unit;
  return part === 'numerator' ? split(unit)[0] : split(unit)[1];
}

interface References {
  readonly lead: Sourced<number> | null;
  readonly baseline: Sourced<number> | null;
  readonly warnings: readonly string[];
}

function resolveReferences(def: IndicatorDef, subject: Subject): References {
  const ref = def.reference;
  switch (ref.kind) {
    case 'fixed':
      return { lead: ref.lead, baseline: ref.baseline, warnings: [] };
    case 'energy-quota': {
      const binding = subject.energyQuota;
      if (!binding) return { lead: null, baseline: null, warnings: [] };
      const { row } = binding;
      const limits = quotaLimits(row, binding.corrections ?? {});
      const pick = (g: 1 | 2 | 3): Sourced<number> | null => {
        const original = g === 1 ? row.grade1 : g === 2 ? row.grade2 : row.grade3;
        const value = g === 1 ? limits.grade1 : g === 2 ? limits.grade2 : limits.grade3;
        if (original === null || value === null) return null;
        const corrected = limits.applied.length > 0 ? ` corrected (${limits.applied.join('; ')})` : '';
        return { ...original, value, source: `${row.key} grade ${g}${corrected}; ${original.source}` };
      };
      const warnings = limits.notEncoded.map(
        (d) => `${def.code}: ${row.key} has a correction not encoded here: ${d}`,
      );
      return { lead: pick(ref.lead), baseline: pick(ref.baseline), warnings };
    }
    case 'water-quota': {
      const w = subject.waterQuota;
      return { lead: w?.advanced ?? null, baseline: w?.general ?? null, warnings: [] };
    }
  }
}

type Scorer = { score: ((v: number) => number) | null; reason: string | null };

function compileScoring(def: IndicatorDef, scoring: Scoring, refs: References, standardKey: string): Scorer {
  const dir = def.direction;
  const lead = refs.lead?.value;
  const baseline = refs.baseline?.value;
  const missing = (what: string): Scorer => ({
    score: null,
    reason: `no reference value: ${standardKey} gives no ${what} for ${def.code}`,
  });
  switch (scoring.method) {
    case 'assessment':
      return { score: (v) => scoreAssessment(v, dir), reason: null };
    case 'linear':
      if (lead === undefined || baseline === undefined)
        return missing(lead === undefined ? 'lead value' : 'baseline value');
      return { score: (v) => scoreLinear(v, lead, baseline, dir), reason: null };
    case 'banded': {
      if (lead === undefined || baseline === undefined)
        return missing(lead === undefined ? 'lead value' : 'baseline value');
      const bands = scoring.bands;
      return { score: (v) => scoreBanded(v, lead, baseline, dir, bands), reason: null };
    }
    case 'ratio-to-lead': {
      if (lead === undefined) return missing('reference (lead) value');
      const cap = scoring.cap.value;
      return { score: (v) => scoreRatioToLead(v, lead, dir, cap), reason: null };
    }
    case 'meets-reference':
      if (lead === undefined) return missing('reference value');
      return { score: (v) => scoreMeetsReference(v, lead, dir), reason: null };
  }
}

function compileMeasure(
  def: IndicatorDef,
  slotOf: (key: string) => number,
): (s: ArrayLike<number>) => number {
  const m = def.measure;
  if (m.kind !== 'formula') {
    const i = slotOf(m.fact);
    return (s) => s[i] as number;
  }
  const { fn, arity } = formulaCatalog[m.formula];
  if (arity !== m.inputs.length) {
    throw new GmError(
      'GM_INTERNAL',
      `${def.code}: formula ${m.formula} takes ${arity} inputs, the standard gives ${m.inputs.length}`,
    );
  }
  const idx = m.inputs.map((r) => slotOf(r.fact));
  const [a = 0, b = 0, c = 0] = idx;
  switch (idx.length) {
    case 1:
      return (s) => fn(s[a] as number);
    case 2:
      return (s) => fn(s[a] as number, s[b] as number);
    case 3:
      return (s) => fn(s[a] as number, s[b] as number, s[c] as number);
    default:
      return (s) => fn(...idx.map((i) => s[i] as number));
  }
}

const unverifiedLabel = (what: string, v: Sourced<unknown> | null | undefined): string[] =>
  v && !v.verified ? [`${what} = ${String(v.value)} (${v.source})`] : [];

/** Decides which indicators and gates of a standard apply to a subject, which facts they need, and compiles their rules. */
export function plan(standard: IndicatorSystem, subject: Subject): EvaluationPlan {
  if (subject.kind !== standard.subject) {
    throw new GmError(
      'GM_VALIDATION',
      `${standard.key} evaluates a ${standard.subject}, not a ${subject.kind}`,
      {
        issues: [{ field: 'subject.kind', message: `expected ${standard.subject}`, value: subject.kind }],
      },
    );
  }
  const specs = new Map<string, { unit: string; kind: FactKind; usedBy: string[] }>();
  const need = (key: string, unit: string, kind: FactKind, by: string): void => {
    const prev = specs.get(key);
    if (!prev) {
      specs.set(key, { unit, kind, usedBy: [by] });
      return;
    }
    if (prev.unit !== unit || prev.kind !== kind) {
      throw new GmError(
        'GM_INTERNAL',
        `${standard.key}: fact ${key} is needed as ${prev.kind} in ${prev.unit} and as ${kind} in ${unit}`,
      );
    }
    prev.usedBy.push(by);
  };

  const notApplicable: { code: string; reason: string }[] = [];
  const applies = <T extends IndicatorDef | GateDef>(d: T): boolean => {
    if (!d.applicability || compileApplicability(d.applicability)(subject)) return true;
    notApplicable.push({
      code: d.code,
      reason: `applies only when ${describeApplicability(d.applicability)}`,
    });
    return false;
  };
  const gateDefs = standard.gates.filter(applies);
  const indicatorDefs = standard.indicators.filter(applies);

  for (const g of gateDefs) {
    if (g.check.kind === 'fact-true') need(g.check.fact, 'yes/no', 'boolean', g.code);
    else need(g.check.fact, g.check.unit, 'number', g.code);
  }
  for (const d of indicatorDefs) {
    const m = d.measure;
    if (m.kind === 'assessment') need(m.fact, 'fraction', 'fraction', d.code);
    else if (m.kind === 'fact') need(m.fact, resolveUnit(m.unit, subject, d.code), 'number', d.code);
    else for (const r of m.inputs) need(r.fact, resolveUnit(r.unit, subject, d.code), 'number', d.code);
  }

  const keys = [...specs.keys()].sort();
  const slots = new Map(keys.map((k, i) => [k, i]));
  const slotOf = (key: string): number => {
    const i = slots.get(key);
    if (i === undefined) throw new GmError('GM_INTERNAL', `fact ${key} has no slot`);
    return i;
  };
  const facts: FactSpec[] = keys.map((key) => {
    const s = specs.get(key);
    return { key, unit: s?.unit ?? '', kind: s?.kind ?? 'number', usedBy: s?.usedBy ?? [] };
  });

  const unverified: string[] = [];
  const warnings: string[] = [];
  const gates: PlannedGate[] = gateDefs.map((g) => {
    const c = g.check;
    const i = slotOf(c.fact);
    if (c.kind === 'fact-true')
      return { def: g, code: g.code, check: (s) => s[i] === 1, usesUnverified: g.tag === 'U' };
    const t = c.value.value;
    const check =
      c.op === '>'
        ? (s: ArrayLike<number>) => (s[i] as number) > t
        : c.op === '>='
          ? (s: ArrayLike<number>) => (s[i] as number) >= t
          : c.op === '<'
            ? (s: ArrayLike<number>) => (s[i] as number) < t
            : (s: ArrayLike<number>) => (s[i] as number) <= t;
    unverified.push(...unverifiedLabel(`gate ${g.code} threshold`, c.value));
    return { def: g, code: g.code, check, usesUnverified: !c.value.verified };
  });

  const indicators: PlannedIndicator[] = indicatorDefs.map((d) => {
    const refs = resolveReferences(d, subject);
    warnings.push(...refs.warnings);
    const scoring = d.scoring ?? standard.defaultScoring;
    const { score, reason } = compileScoring(d, scoring, refs, standard.key);
    const unit = resolveUnit(d.unit, subject, d.code);
    const u = [
      ...unverifiedLabel(`${d.code} weight`, d.weight),
      ...(score
        ? [
            ...unverifiedLabel(`${d.code} lead`, refs.lead),
            ...unverifiedLabel(`${d.code} baseline`, refs.baseline),
          ]
        : []),
      ...(score && scoring.method === 'ratio-to-lead' ? unverifiedLabel(`${d.code} cap`, scoring.cap) : []),
    ];
    unverified.push(...u);
    const toTonnes = d.savings ? TONNES[split(unit)[0]] : undefined;
    return {
      def: d,
      code: d.code,
      unit,
      lead: refs.lead,
      baseline: refs.baseline,
      weight: d.weight?.value ?? null,
      scoring,
      factKeys: d.measure.kind === 'formula' ? d.measure.inputs.map((r) => r.fact) : [d.measure.fact],
      compute: compileMeasure(d, slotOf),
      score,
      noScoreReason: reason,
      savings:
        d.savings && toTonnes !== undefined
          ? { kind: d.savings.kind, volumeSlot: slotOf(d.savings.volumeFact), toTonnes }
          : null,
      usesUnverified: u.length > 0,
    };
  });

  const passMark = standard.passRule.kind === 'min-total' ? standard.passRule.mark : null;
  unverified.push(...unverifiedLabel('pass mark', passMark));
  const totalWeight = indicators.reduce((sum, i) => sum + (i.weight ?? 0), 0);
  const subjectCanonical = canonicalJson({
    kind: subject.kind,
    attributes: subject.attributes,
    energyQuota: subject.energyQuota
      ? { row: subject.energyQuota.row.key, corrections: subject.energyQuota.corrections }
      : undefined,
    waterQuota: subject.waterQuota
      ? {
          unit: subject.waterQuota.unit,
          advanced: subject.waterQuota.advanced.value,
          general: subject.waterQuota.general.value,
        }
      : undefined,
  });
  const [seedHi, seedLo] = fnv1a64Update(
    fnv1a64Start(),
    `${canonicalJson({ facts: keys })}`.slice(0, -1) + `,"subject":${subjectCanonical}}\n`,
  );
  return {
    standard,
    standardKey: standard.key,
    subject,
    facts,
    gates,
    indicators,
    notApplicable,
    passMark,
    totalWeight,
    usesUnverified: unverified.length > 0 || gates.some((g) => g.usesUnverified),
    unverified,
    warnings,
    subjectCanonical,
    hashSeed: [seedHi, seedLo],
  };
}
