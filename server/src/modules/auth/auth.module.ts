import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '../directory/directory.module';
import { WechatModule } from '../wechat/wechat.module';
import { AdminController } from './admin.controller';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { AuthUserCache } from './auth-user-cache';
import { Invite } from './invite.entity';
import { InviteRepository } from './invite.repository';
import { InviteService } from './invite.service';
import { MeController } from './me.controller';
import { RefreshToken } from './refresh-token.entity';
import { RoleGrant } from './role-grant.entity';
import { routesMissingFromPolicy } from './routes';
import { SessionRevocations } from './session-revocations';
import { TokenService } from './token.service';
import { User } from './user.entity';

/** WeChat and demo login, tokens, invites, role grants, and the global guard with the policy table. */
@Module({
  imports: [
    TypeOrmModule.forFeature([User, RoleGrant, Invite, RefreshToken]),
    JwtModule.register({}),
    DiscoveryModule,
    DirectoryModule,
    WechatModule,
  ],
  controllers: [AuthController, MeController, AdminController],
  providers: [
    AuthRepository,
    InviteRepository,
    SessionRevocations,
    AuthUserCache,
    TokenService,
    AuthService,
    InviteService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, AuthRepository],
})
export class AuthModule implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  /** Refuses to start when a route is missing from the policy table: nothing is open by accident. */
  onApplicationBootstrap(): void {
    const missing = routesMissingFromPolicy(this.discovery, this.scanner);
    if (missing.length > 0) {
      throw new Error(
        `Routes missing from the policy table (server/src/modules/auth/policy.ts): ${missing.join(', ')}`,
      );
    }
  }
}
