import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { AppException } from '../../common/errors/app.exception';
import { AuthService } from './auth.service';
import type { AuthUser } from './auth-user';
import { POLICY, policyKey } from './policy';
import { TokenService } from './token.service';

export interface AuthenticatedRequest extends Request {
  user?: AuthUser;
}

/**
 * The one guard, applied to every route: looks the route up in the policy table (a route missing
 * there is refused), authenticates the bearer token, and checks the roles. Scope rules that need the
 * target record are checked by the services with the AuthUser this guard attaches.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly tokens: TokenService,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // Express answers HEAD with the GET handler (no body): it follows the GET route's policy.
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const key = policyKey(method, (request.route as { path?: string } | undefined)?.path ?? '');
    const policy = POLICY[key];
    if (!policy) {
      this.logger.error({ route: key }, 'route missing from the policy table: refused');
      throw new AppException('COMMON.FORBIDDEN');
    }
    const token = bearer(request);
    if (policy.allow === 'public') {
      // A stale token must not break a public page: use it if valid, ignore it otherwise.
      if (token)
        request.user =
          (await this.tokens
            .verifyAccess(token)
            .then((id) => this.auth.loadAuthUser(id))
            .catch(() => null)) ?? undefined;
      return true;
    }
    if (!token) throw new AppException('COMMON.UNAUTHORIZED');
    const user = await this.auth.loadAuthUser(await this.tokens.verifyAccess(token));
    if (!user) throw new AppException('AUTH.TOKEN_INVALID');
    request.user = user;
    if (policy.allow === 'signed-in') return true;
    if (!policy.allow.some((role) => user.roles.includes(role))) throw new AppException('AUTH.ROLE_REQUIRED');
    return true;
  }
}

function bearer(request: Request): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1]! : null;
}
