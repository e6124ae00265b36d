import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { InAppMessagePage, MarkMessagesReadResponse, UnreadCount } from '@jinri/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { MarkMessagesReadDto, MessagesQueryDto } from './dto/messages.dto';
import { InAppMessagesService } from './in-app-messages.service';

/** The caller's in-app message centre (消息). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/messages')
export class InAppMessagesController {
  constructor(private readonly messages: InAppMessagesService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: MessagesQueryDto): Promise<InAppMessagePage> {
    return this.messages.list(user, query.page);
  }

  @Get('unread-count')
  unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCount> {
    return this.messages.unreadCount(user);
  }

  @Post('read')
  @HttpCode(200)
  markRead(
    @CurrentUser() user: AuthUser,
    @Body() body: MarkMessagesReadDto,
  ): Promise<MarkMessagesReadResponse> {
    return this.messages.markRead(user, body);
  }
}
