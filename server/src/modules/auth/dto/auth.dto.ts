import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, Max, MaxLength } from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { ROLES, type Role } from '@jinri/shared';
import { PositiveInt } from '../../../common/validation/positive-int';

export class WechatLoginDto {
  @ApiProperty({ description: 'The code from wx.login()' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code: string;
}

export class DemoLoginDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'Act as this official' })
  @PositiveInt({ optional: true, fromText: true })
  officialId?: number;

  @ApiPropertyOptional({ description: "A browser's own demo resident" })
  @Optional()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  deviceKey?: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  refreshToken: string;
}

export class RedeemInviteDto {
  @ApiProperty({ example: 'AB12-CD34-EF56' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  code: string;
}

export class BindPhoneDto {
  @ApiProperty({ description: 'The code from the getPhoneNumber button' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code: string;
}

export class CreateInviteDto {
  @ApiProperty({ enum: ['official', 'clerk', 'supervisor', 'admin'] })
  @IsIn(['official', 'clerk', 'supervisor', 'admin'])
  role: 'official' | 'clerk' | 'supervisor' | 'admin';

  @ApiProperty()
  @PositiveInt({ fromText: true })
  unitId: number;

  @ApiPropertyOptional()
  @PositiveInt({ optional: true, fromText: true })
  officialId?: number;

  @ApiPropertyOptional({ default: 72, maximum: 720 })
  @PositiveInt({ optional: true, fromText: true })
  @Max(720)
  expiresInHours?: number;

  @ApiPropertyOptional({ maxLength: 100 })
  @Optional()
  @IsString()
  @MaxLength(100)
  note?: string;
}

export class IdParamDto {
  @PositiveInt({ fromText: true })
  id: number;
}
