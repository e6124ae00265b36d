import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@jinri/shared';
import { AppException } from './errors/app.exception';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, reasons: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The one global validation pipe: unknown fields are refused, payloads are transformed to DTOs. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new AppException('COMMON.VALIDATION_FAILED', undefined, flatten(errors)),
  });
}
