import { describe, expect, it } from 'vitest';
import { isGmError } from '../errors.ts';
import { factoryId, parseId, productId } from './ids.ts';
import type { FactoryId, ProductId } from './ids.ts';

describe('ids', () => {
  it('brand valid strings', () => {
    const id: FactoryId = factoryId('f-123');
    expect(id).toBe('f-123');
    expect(parseId('region', '440300')).toBe('440300');
  });

  it('keep kinds apart at compile time', () => {
    const factory = factoryId('x');
    // @ts-expect-error a factory id is not a product id
    const product: ProductId = factory;
    expect(product).toBe('x');
    const plain: string = productId('p'); // an id is still usable as a string
    expect(plain).toBe('p');
  });

  it('reject empty, padded, overlong, non-string and control-character ids', () => {
    for (const raw of ['', ' a', 'a ', 'x'.repeat(201), 42, 'a\nb']) {
      try {
        parseId('meter', raw);
        expect.unreachable();
      } catch (error) {
        expect(isGmError(error) && error.code).toBe('GM_VALIDATION');
      }
    }
  });
});
