import type { Type } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

// class-transformer keeps @Type() metadata here (not exported from its index).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: { findTypeMetadata(t: Type, p: string): { typeFunction(): Type } | undefined };
};

/** The JSON type each class-validator check implies. */
const TYPE_OF_CHECK: Record<string, SchemaObject['type']> = {
  isInt: 'integer',
  isNumber: 'number',
  isPositive: 'number',
  min: 'number',
  max: 'number',
  isLatitude: 'number',
  isLongitude: 'number',
  isBoolean: 'boolean',
  isArray: 'array',
  isDateString: 'string',
  isISO8601: 'string',
  isString: 'string',
  matches: 'string',
  isUUID: 'string',
  isEmail: 'string',
  isUrl: 'string',
  minLength: 'string',
  maxLength: 'string',
  isNotEmpty: 'string',
  minVisible: 'string',
  maxVisible: 'string',
};

const SCALARS: unknown[] = [String, Number, Boolean, Object, Array, Date];

/** Whether `type` is a DTO class (not a scalar constructor or nothing). */
export function isDto(type: unknown): type is Type {
  return typeof type === 'function' && !SCALARS.includes(type);
}

/**
 * A DTO class as an OpenAPI schema, read from the class-validator checks the ValidationPipe runs
 * (and class-transformer's @Type for nested objects): the document says what the server enforces.
 */
export function dtoSchema(dto: Type, depth = 0): SchemaObject & { properties: Record<string, SchemaObject> } {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const properties: Record<string, SchemaObject> = {};
  const optional = new Set<string>();
  const seen = new Set<string>();
  for (const m of metadata) {
    const name = m.name ?? m.type;
    const field = (properties[m.propertyName] ??= {});
    seen.add(m.propertyName);
    if (m.type === 'conditionalValidation' || name === 'isOptional') {
      optional.add(m.propertyName);
      continue;
    }
    const constraint = m.constraints?.[0] as unknown;
    if (m.each) field.type = 'array';
    const target: SchemaObject = m.each
      ? ((field.items as SchemaObject | undefined) ?? (field.items = {}))
      : field;
    const type = TYPE_OF_CHECK[name];
    if (type && !(m.each && type === 'array') && target.type !== 'array') {
      // integer is narrower than number: keep it once seen.
      if (!(target.type === 'integer' && type === 'number')) target.type = type;
    }
    if (name === 'isArray') field.type = 'array';
    if (name === 'min' && typeof constraint === 'number') target.minimum = constraint;
    if (name === 'max' && typeof constraint === 'number') target.maximum = constraint;
    if ((name === 'minLength' || name === 'minVisible') && typeof constraint === 'number')
      target.minLength = constraint;
    if ((name === 'maxLength' || name === 'maxVisible') && typeof constraint === 'number')
      target.maxLength = constraint;
    if (name === 'arrayMinSize' && typeof constraint === 'number') field.minItems = constraint;
    if (name === 'arrayMaxSize' && typeof constraint === 'number') field.maxItems = constraint;
    if (name === 'matches' && constraint instanceof RegExp) target.pattern = constraint.source;
    if (name === 'isDateString' || name === 'isISO8601') target.format ??= 'date-time';
    if (name === 'isIn' || name === 'isEnum') {
      const values = Array.isArray(constraint) ? constraint : Object.values(constraint as object);
      target.enum = values;
      if (!target.type && values.every((v) => typeof v === 'string')) target.type = 'string';
    }
  }
  for (const name of seen) {
    const field = properties[name]!;
    const nested = defaultMetadataStorage.findTypeMetadata(dto, name)?.typeFunction();
    if (nested && isDto(nested) && depth < 4) {
      const schema = dtoSchema(nested, depth + 1);
      if (field.type === 'array') field.items = { ...(field.items as SchemaObject), ...schema };
      else Object.assign(field, schema);
    }
    if (field.type === 'array') field.items ??= {};
  }
  const required = [...seen].filter((name) => !optional.has(name));
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}
