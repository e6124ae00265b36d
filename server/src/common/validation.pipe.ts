import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@jinri/shared';
import { AppException } from './errors/app.exception';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, reasons: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * class-transformer converts with Number()/String(), which throw a TypeError on an object whose
 * toString/valueOf are not functions ({"officialId":{"toString":"x"}}): that is bad input, not a 500.
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      throw new AppException('COMMON.VALIDATION_FAILED', undefined, [
        { field: metadata.data ?? metadata.type, reasons: ['a value cannot be converted to its type'] },
      ]);
    }
  }
}

/** The one global validation pipe: unknown fields are refused, payloads are transformed to DTOs. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new AppException('COMMON.VALIDATION_FAILED', undefined, flatten(errors)),
  });
}
