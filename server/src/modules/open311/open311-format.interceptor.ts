import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { formatOfPath, toXml, type XmlShape } from './open311-format';

const XML_SHAPE = 'open311:xml-shape';

/** The spec's XML element names of a handler's answer (open311-format.ts XML). */
export const Open311Xml = (shape: XmlShape) => SetMetadata(XML_SHAPE, shape);

/**
 * Handlers return their GeoReport answer as typed data (the types in @jinri/shared, so the OpenAPI
 * document describes them); this sends it as XML, with the spec's element names, when the path
 * ends in .xml, and as JSON otherwise.
 */
@Injectable()
export class Open311FormatInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const shape = this.reflector.get<XmlShape | undefined>(XML_SHAPE, context.getHandler());
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    if (!shape || formatOfPath(request.path) !== 'xml') return next.handle();
    const response = http.getResponse<Response>();
    return next.handle().pipe(
      map((value: unknown) => {
        response.type('application/xml; charset=utf-8');
        return toXml(value, shape);
      }),
    );
  }
}
