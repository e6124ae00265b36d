import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Matches,
  MaxLength,
  Max,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Nullable, Optional } from '../../../common/validation/optional';
import { IsOfficialName } from '../official-name';
import { PositiveInt } from '../../../common/validation/positive-int';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class MatterDto {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name: string;

  @ApiProperty({ maxLength: 50 })
  @IsString()
  @MinLength(2)
  @MaxLength(50)
  category: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  keywords: string[];

  @ApiProperty({ type: [String], description: 'Everyday words residents type ("盖房子")' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  synonyms: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  materials: string[];

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MaxLength(500)
  whereToGo: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  officeHours: string;

  @ApiPropertyOptional({ maxLength: 500, nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(500)
  legalBasis?: string | null;

  @ApiProperty()
  @PositiveInt()
  departmentId: number;

  @ApiPropertyOptional({ description: 'Working days to acknowledge a comment (default 1)', nullable: true })
  @Nullable()
  @PositiveInt()
  @Max(10)
  ackWorkingDays?: number | null;

  @ApiPropertyOptional({ description: 'Working days to resolve a comment (default 5)', nullable: true })
  @Nullable()
  @PositiveInt()
  @Max(60)
  resolveWorkingDays?: number | null;
}

export class HandoverDto {
  @ApiProperty({ description: 'The official who takes the post' })
  @PositiveInt()
  officialId: number;

  @ApiProperty({ description: 'First day in the post' })
  @Matches(DATE, { message: 'must be a date like 2026-11-23' })
  startDate: string;
}

export class DeputyDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The official who stands in (代理) while the holder is on approved leave; null: nobody',
  })
  @ValidateIf((_o, value) => value !== null)
  @PositiveInt()
  officialId: number | null;
}

export class OfficialCreateDto {
  @ApiProperty({
    description: '2–10 Chinese characters; a minority name joins its parts with ·',
    maxLength: 10,
  })
  @IsOfficialName()
  name: string;

  @ApiPropertyOptional({ enum: ['male', 'female'] })
  @Optional()
  @IsIn(['male', 'female'])
  gender?: 'male' | 'female';
}

export class DutyDto {
  @ApiProperty()
  @PositiveInt()
  postId: number;

  @ApiProperty()
  @PositiveInt()
  matterId: number;

  @ApiProperty({ type: [Number], description: 'Units covered (a town covers its villages)' })
  @IsArray()
  @ArrayMaxSize(500)
  @Type(() => Number)
  @IsInt({ each: true })
  coveredUnitIds: number[];
}
