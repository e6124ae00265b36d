import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppException, withRetryAfter } from '../../common/errors/app.exception';
import { formatOfPath, sendOpen311, XML } from './open311-format';

/** GeoReport v2 errors: a list of { code, description }, in the format the path asked for. */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const known = exception instanceof HttpException;
    if (!known) this.logger.error({ err: exception }, 'Open311 request failed');
    const status = known ? exception.getStatus() : 500;
    const description =
      exception instanceof AppException ? exception.message : known ? exception.message : 'Internal error';
    const headers = withRetryAfter(status, exception instanceof AppException ? exception.headers : undefined);
    for (const [name, value] of Object.entries(headers ?? {})) response.setHeader(name, value);
    sendOpen311(response, formatOfPath(request.path), status, [{ code: status, description }], XML.errors);
  }
}
