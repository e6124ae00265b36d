import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { type CalendarStatus, type CalendarYear, CalendarService } from './calendar.service';

class YearParamDto {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

class DateParamDto {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date like 2027-01-01' })
  date: string;
}

class CalendarDayDto {
  @ApiProperty()
  @IsBoolean()
  isWorkday: boolean;

  @ApiProperty({ example: '元旦', maxLength: 50 })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;
}

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** Admins and supervisors: from December 1, whether next year's holidays are still missing. */
  @Get('calendar/status')
  status(): Promise<CalendarStatus> {
    return this.calendar.status();
  }

  @Get('calendar/:year')
  year(@Param() params: YearParamDto): Promise<CalendarYear> {
    return this.calendar.year(params.year);
  }

  @Put('admin/calendar/:date')
  setDay(
    @CurrentUser() user: AuthUser,
    @Param() params: DateParamDto,
    @Body() body: CalendarDayDto,
  ): Promise<CalendarYear> {
    return this.calendar.setDay(user, params.date, body.isWorkday, body.name);
  }

  /** Removes an admin entry made by mistake (recorded with who and when). */
  @Delete('admin/calendar/:date')
  deleteDay(@CurrentUser() user: AuthUser, @Param() params: DateParamDto): Promise<CalendarYear> {
    return this.calendar.deleteDay(user, params.date);
  }

  /** Confirms that the year's holidays and make-up days are entered: the year is then known. */
  @Put('admin/calendar-years/:year')
  confirmYear(@CurrentUser() user: AuthUser, @Param() params: YearParamDto): Promise<CalendarYear> {
    return this.calendar.confirmYear(user, params.year);
  }
}
