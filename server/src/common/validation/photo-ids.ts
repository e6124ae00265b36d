import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import { Optional } from './optional';

/**
 * `photoIds`: optional, at most `max` uploaded photos (their UUIDs). Listed in the order stacked
 * decorators apply (bottom-up), as in the fields that wrote them out.
 */
export function PhotoIds(max: number): PropertyDecorator {
  return applyDecorators(
    IsUUID('4', { each: true }),
    ArrayMaxSize(max),
    IsArray(),
    Optional(),
    ApiPropertyOptional({ type: [String] }),
  );
}
