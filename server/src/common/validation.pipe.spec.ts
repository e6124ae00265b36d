import { Type } from 'class-transformer';
import { IsInt, IsString, MaxLength, Min } from 'class-validator';
import { AppException } from './errors/app.exception';
import { createValidationPipe } from './validation.pipe';

class SampleDto {
  @IsString()
  @MaxLength(5)
  name: string;

  @IsInt()
  @Min(1)
  count: number;
}

class NumberDto {
  @Type(() => Number)
  @IsInt()
  id: number;
}

describe('the global validation pipe', () => {
  const sut = createValidationPipe();
  const metadata = { type: 'body' as const, metatype: SampleDto };

  it('transforms a valid payload into the DTO', async () => {
    const result = await sut.transform({ name: '低保', count: 2 }, metadata);
    expect(result).toBeInstanceOf(SampleDto);
  });

  it('refuses unknown fields with COMMON.VALIDATION_FAILED naming them', async () => {
    await expect(sut.transform({ name: 'a', count: 1, isAdmin: true }, metadata)).rejects.toMatchObject({
      code: 'COMMON.VALIDATION_FAILED',
      details: [{ field: 'isAdmin', reasons: [expect.any(String)] }],
    });
  });

  it('lists every invalid field', async () => {
    const error = (await sut
      .transform({ name: 'too long name', count: 0 }, metadata)
      .catch((e: unknown) => e)) as AppException;
    expect(error).toBeInstanceOf(AppException);
    expect(error.getStatus()).toBe(400);
    expect((error.details as Array<{ field: string }>).map((d) => d.field).sort()).toEqual(['count', 'name']);
  });

  it('refuses a value class-transformer cannot convert (toString not a function) as invalid, not as a crash', async () => {
    const error = (await sut
      .transform({ id: { toString: 'x' } }, { type: 'body', metatype: NumberDto })
      .catch((e: unknown) => e)) as AppException;
    expect(error).toBeInstanceOf(AppException);
    expect([error.getStatus(), error.code]).toEqual([400, 'COMMON.VALIDATION_FAILED']);
  });
});
