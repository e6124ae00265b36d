import { createHmac } from 'node:crypto';
import {
  createParamDecorator,
  type ExecutionContext,
  Inject,
  Injectable,
  type PipeTransform,
} from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';

/** The request's client address as Express sees it (behind the trusted proxies). */
export const ClientIp = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined =>
    context.switchToHttp().getRequest<Request>().ip,
);

/**
 * The keyed hash of a client address: what is stored to rate-limit by address without storing the
 * address. Null when the address is unknown.
 */
export function addressHash(ip: string | undefined, secret: string): string | null {
  return ip ? createHmac('sha256', secret).update(ip).digest('hex') : null;
}

@Injectable()
export class AddressHashPipe implements PipeTransform<string | undefined, string | null> {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  transform(ip: string | undefined): string | null {
    return addressHash(ip, this.config.auth.jwtSecret);
  }
}

/** The keyed hash of the request's client address (see addressHash). */
export function ClientAddressHash(): ParameterDecorator {
  return ClientIp(AddressHashPipe);
}
