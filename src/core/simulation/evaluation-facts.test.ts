import { describe, expect, it } from 'vitest';
import { accountOperatingYear } from '../accounting/operating-year-accounts.ts';
import { quotaGrade } from '../benchmark/quota-grade.ts';
import { checkFacts } from '../evaluation/evaluate.ts';
import { plan } from '../evaluation/plan.ts';
import { standardRegistry } from '../standards/standard-registry.ts';
import { factsOfOperatingYear, quotaFigureOf, subjectOfOperatingYear } from './evaluation-facts.ts';
import { industryProfiles } from './industry-profiles.ts';
import { simulateFactoryYear } from './operating-data.ts';

const account = (y: ReturnType<typeof simulateFactoryYear>) =>
  accountOperatingYear(
    { year: y.year, production: y.production, productUnit: y.product.unit, energy: y.energy },
    '320000',
  );

describe('facts from a simulated operating year', () => {
  it('gives every fact GB/T 36132-2025 and the 2016/2018 scheme need, for every profile', () => {
    for (const profile of industryProfiles) {
      const y = simulateFactoryYear(
        { id: 'f1', name: '某公司', industryCode: profile.industryCodes[0] ?? null },
        2023,
        'facts',
      );
      expect(y.profile).toBe(profile.key);
      const subject = subjectOfOperatingYear(y, (k) => standardRegistry.quotaRow(k));
      expect(subject.energyQuota?.row.key).toBe(profile.quota?.row);
      const facts = factsOfOperatingYear(y, account(y));
      for (const key of ['GB/T 36132@2025', 'GB/T 36132@2018', 'MIIT-green-factory@2016'])
        expect(checkFacts(plan(standardRegistry.indicatorSystem(key), subject), facts)).toEqual([]);
    }
  });
  it('puts the quota-covered figure in the row unit, straddling the grades across plants', () => {
    for (const profile of industryProfiles.filter((p) => p.quota)) {
      const row = standardRegistry.quotaRow(profile.quota?.row ?? '');
      const grades = new Set<string>();
      for (let i = 0; i < 200; i++) {
        const y = simulateFactoryYear(
          { id: `f${i}`, name: '某公司', industryCode: profile.industryCodes[0] ?? null },
          2023,
          'q',
        );
        const value = quotaFigureOf(y, account(y));
        expect(value).not.toBeNull();
        grades.add(String(quotaGrade(row, value ?? 0).grade));
      }
      // Every profile has plants at the advanced value and plants beyond it.
      expect(grades.has('1')).toBe(true);
      expect(grades.size).toBeGreaterThan(1);
    }
  });
});
