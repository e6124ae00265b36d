import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Optional } from './optional';

export interface PositiveIntOptions {
  /** Missing (or null) is allowed: see Optional. */
  optional?: boolean;
  /** The value arrives as text (a query string, a form field) and is converted to a number first. */
  fromText?: boolean;
}

/**
 * A whole number from 1 up: the rule of every row id, version and count a request carries. The
 * decorators are listed in the order stacked ones apply (bottom-up), so the checks, and the order of
 * their messages, are those of the four lines each field used to write.
 */
export function PositiveInt(options: PositiveIntOptions = {}): PropertyDecorator {
  return applyDecorators(
    Min(1),
    IsInt(),
    ...(options.fromText ? [Type(() => Number)] : []),
    ...(options.optional ? [Optional()] : []),
  );
}

/** `?page=`: 1 to 1000, optional (the field's initialiser gives the default). */
export function PageNumber(): PropertyDecorator {
  return applyDecorators(Max(1000), PositiveInt({ optional: true, fromText: true }));
}
