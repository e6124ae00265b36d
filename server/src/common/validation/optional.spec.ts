import { IsInt, IsString, Min } from 'class-validator';
import { createValidationPipe } from '../validation.pipe';
import { Nullable, Optional } from './optional';

class SampleDto {
  @Optional()
  @IsInt()
  @Min(1)
  entryId?: number;

  @Nullable()
  @IsString()
  place?: string | null;
}

describe('Optional() and Nullable() through the global validation pipe', () => {
  const sut = createValidationPipe();
  const metadata = { type: 'body' as const, metatype: SampleDto };

  it('turns a null optional field into an absent one', async () => {
    const result = (await sut.transform({ entryId: null }, metadata)) as SampleDto;
    expect(result.entryId).toBeUndefined();
  });

  it('still validates an optional field that has a value', async () => {
    await expect(sut.transform({ entryId: 0 }, metadata)).rejects.toMatchObject({
      code: 'COMMON.VALIDATION_FAILED',
      details: [{ field: 'entryId', reasons: [expect.any(String)] }],
    });
  });

  it('keeps null as a value in a nullable field', async () => {
    const result = (await sut.transform({ place: null }, metadata)) as SampleDto;
    expect(result.place).toBeNull();
  });
});
