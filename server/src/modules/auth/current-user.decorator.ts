import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AppException } from '../../common/errors/app.exception';
import type { AuthenticatedRequest } from './auth.guard';
import type { AuthUser } from './auth-user';

/** The signed-in user (the guard has already refused anonymous calls to non-public routes). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new AppException('COMMON.UNAUTHORIZED');
  return user;
});

/** The user if a valid token came with a public request, else undefined. */
export const OptionalUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);
