import { describe, expect, it } from 'vitest';
import { displayWidth } from './registry.ts';

describe('displayWidth', () => {
  it('counts CJK ideographs and full-width forms as two columns', () => {
    expect(displayWidth('total')).toBe(5);
    expect(displayWidth('北京市 110000')).toBe(13);
    expect(displayWidth('（山东）')).toBe(8);
  });
});
