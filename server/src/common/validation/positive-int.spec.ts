import { Type, plainToInstance } from 'class-transformer';
import { IsInt, Max, Min, validateSync } from 'class-validator';
import { Optional } from './optional';
import { PageNumber, PositiveInt } from './positive-int';

class Sample {
  @PositiveInt()
  version: number;

  @PositiveInt({ optional: true, fromText: true })
  unitId?: number;

  @PageNumber()
  page: number = 1;
}

/** The same fields written out, as the DTOs did before PositiveInt. */
class Written {
  @IsInt()
  @Min(1)
  version: number;

  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  unitId?: number;

  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  page: number = 1;
}

function errors(type: typeof Sample | typeof Written, plain: object): Record<string, string[]> {
  const found = validateSync(plainToInstance(type, plain));
  return Object.fromEntries(found.map((e) => [e.property, Object.keys(e.constraints ?? {})]));
}

describe('PositiveInt', () => {
  it('accepts a whole number from 1 and converts text when the value comes from a query', () => {
    expect(errors(Sample, { version: 1, unitId: '7', page: '3' })).toEqual({});
    expect(plainToInstance(Sample, { version: 1, unitId: '7' }).unitId).toBe(7);
  });

  it('lets an optional field be missing or null, and a page default to 1', () => {
    expect(errors(Sample, { version: 2, unitId: null })).toEqual({});
    expect(plainToInstance(Sample, { version: 2 }).page).toBe(1);
  });

  it.each([
    { version: 0 },
    { version: 1.5 },
    { version: '3' },
    {},
    { version: 1, unitId: 'x', page: 1001 },
    { version: 1, unitId: '0', page: '-1' },
  ])('refuses %j with the checks, in the order, of the decorators it replaced', (plain) => {
    expect(errors(Sample, plain)).toEqual(errors(Written, plain));
    expect(errors(Sample, plain)).not.toEqual({});
  });
});
