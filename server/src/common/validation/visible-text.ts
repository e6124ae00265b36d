import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Characters that take no room on screen although Unicode calls some of them letters: whitespace,
 * every control/format/unassigned code point (zero-width space, joiners, BOM, NUL…), and the Hangul
 * and Braille blanks people paste to fake a text.
 */
const INVISIBLE = /[\s\p{C}\p{Z}\u115F\u1160\u3164\uFFA0\u2800]/u;
const INVISIBLE_EDGES =
  /^[\s\p{C}\p{Z}\u115F\u1160\u3164\uFFA0\u2800]+|[\s\p{C}\p{Z}\u115F\u1160\u3164\uFFA0\u2800]+$/gu;
/** Control characters except the line feed (\r\n and \r become \n first). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/**
 * Free text as it is stored: line breaks made \n, control characters (NUL, ESC, …) removed, and
 * invisible characters trimmed from both ends. Zero-width joiners inside the text stay (emoji need
 * them); they simply do not count as visible.
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(INVISIBLE_EDGES, '');
}

/** How many characters a reader sees (code points that are not blank, control or format). */
export function visibleLength(text: string): number {
  let count = 0;
  for (const char of text) if (!INVISIBLE.test(char)) count += 1;
  return count;
}

/**
 * A free-text field: cleaned with `cleanText` before validation, at most `max` characters, and at
 * least `min` visible ones (default 0: emptiness is then left to the service's own rule and code).
 */
export function VisibleText(
  limits: { min?: number; max: number },
  messages: { min?: string; max?: string } = {},
): PropertyDecorator {
  const min = limits.min ?? 0;
  const decorators = [
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? cleanText(value) : value)),
    IsString(),
    MaxLength(limits.max, messages.max ? { message: messages.max } : undefined),
  ];
  if (min > 0) decorators.push(MinVisible(min, messages.min ? { message: messages.min } : undefined));
  return applyDecorators(...decorators);
}

/** At least `min` visible characters (see `visibleLength`). */
export function MinVisible(min: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'minVisible',
      constraints: [min],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && visibleLength(value) >= min,
        defaultMessage: () => `$property must have at least ${min} visible characters`,
      },
    },
    options,
  );
}
