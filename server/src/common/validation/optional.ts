import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsOptional, type ValidationOptions } from 'class-validator';

/**
 * An optional field: missing, undefined and `null` all mean "absent". class-validator's own
 * `@IsOptional()` lets `null` through unvalidated, and a service that checks `!== undefined` then
 * treats it as a value (a 500 on `{"planEntryId": null}`); here null becomes undefined before
 * validation, so services only ever see a valid value or nothing. DTOs use this, never
 * `IsOptional` (eslint refuses that import in server/src/modules).
 */
export function Optional(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (value === null ? undefined : value)),
    IsOptional(options),
  );
}

/**
 * A field where `null` is a value the service handles ("no start time", "clear the photo"):
 * missing means unchanged or default, null passes unvalidated, anything else is validated.
 * The property's type must say `| null`.
 */
export function Nullable(options?: ValidationOptions): PropertyDecorator {
  return IsOptional(options);
}
