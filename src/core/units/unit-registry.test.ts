import { describe, expect, it } from 'vitest';
import { isGmError } from '../errors.ts';
import { isUnit, parseUnit, sameDimension, unitDimension, units } from './unit-registry.ts';

describe('unit registry', () => {
  it('parses canonical unit strings', () => {
    expect(parseUnit('kWh')).toBe('kWh');
    expect(parseUnit(' tce ')).toBe('tce');
    expect(parseUnit('10^4 Nm3')).toBe('10^4 Nm3');
  });

  it('parses common aliases to the canonical unit', () => {
    expect(parseUnit('m³')).toBe('m3');
    expect(parseUnit('万Nm3')).toBe('10^4 Nm3');
    expect(parseUnit('kW·h')).toBe('kWh');
    expect(parseUnit('tCO₂')).toBe('tCO2');
  });

  it('rejects unknown units with GM_VALIDATION naming the field', () => {
    try {
      parseUnit('kwhh', 'rows[3].unit');
      expect.unreachable();
    } catch (error) {
      expect(isGmError(error) && error.code).toBe('GM_VALIDATION');
      expect(String(error)).toContain('rows[3].unit');
    }
    // Case matters: 'KWH' is not silently read as kWh, and 'mwh' is not read as MWh.
    expect(() => parseUnit('KWH')).toThrow(/unknown unit/);
    expect(() => parseUnit('mwh')).toThrow(/unknown unit/);
  });

  it('knows the dimension of every unit', () => {
    expect(unitDimension('kWh')).toBe('electric-energy');
    expect(unitDimension('MJ')).toBe('heat');
    expect(unitDimension('tce')).toBe('coal-equivalent');
    expect(unitDimension('10^4 Nm3')).toBe('normal-volume');
    expect(sameDimension('kg', 't')).toBe(true);
    expect(sameDimension('kWh', 'MJ')).toBe(false);
    expect(sameDimension('m3', 'Nm3')).toBe(false);
    for (const unit of units) expect(isUnit(unit)).toBe(true);
    expect(isUnit('toString')).toBe(false);
  });
});
