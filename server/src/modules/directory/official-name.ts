import { Transform } from 'class-transformer';
import { registerDecorator } from 'class-validator';
import { compact, length } from '../../common/spreadsheet/cells';

/**
 * What an official's name may be, the one rule for the API (POST /admin/officials) and the directory
 * spreadsheet: 2–10 Han characters, the parts of a minority name joined by the interpunct「·」.
 * A name the API accepts therefore survives export → import.
 */
export const OFFICIAL_NAME_HINT = '2–10 个汉字，少数民族姓名可用间隔号「·」';

/** Spaces (padding two-character names) dropped, look-alike dots turned into the interpunct. */
export function normalizeOfficialName(text: string): string {
  return compact(text).replace(/[•・‧．.\u30fb]/g, '·');
}

/** Whether a normalized name follows the rule. */
export function isOfficialName(name: string): boolean {
  return /^\p{Script=Han}+(·\p{Script=Han}+)*$/u.test(name) && length(name) >= 2 && length(name) <= 10;
}

/** DTO property decorator: normalizes the name as the spreadsheet import does, then applies the rule. */
export function IsOfficialName(): PropertyDecorator {
  return (target, propertyName) => {
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? normalizeOfficialName(value) : value,
    )(target, propertyName);
    registerDecorator({
      name: 'isOfficialName',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'must be 2–10 Chinese characters (a minority name joins its parts with ·)' },
      validator: { validate: (value: unknown) => typeof value === 'string' && isOfficialName(value) },
    });
  };
}
