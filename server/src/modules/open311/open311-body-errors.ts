import type { NextFunction, Request, Response } from 'express';
import { MAX_JSON_DEPTH } from '../../common/json-depth';
import { formatOfPath, sendOpen311, XML } from './open311-format';

/** What body-parser's error types mean to the integrator (the same sentences as the main API's). */
const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': '请求内容不是有效的 JSON',
  'entity.too.deep': `请求内容嵌套层数过多（最多 ${MAX_JSON_DEPTH} 层）`,
  'entity.too.large': '提交的内容过大',
  'encoding.unsupported': '不支持该内容压缩方式',
  'charset.unsupported': '不支持该字符编码，请使用 UTF-8',
  'parameters.too.many': '提交的字段过多',
};

interface BodyParserError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
}

/**
 * An Express error middleware for /open311: a body the parsers refused (not JSON, nested too deep,
 * too large, unknown charset) is answered as GeoReport v2 errors — a list of { code, description },
 * in XML when the path ends in .xml — instead of the main API's { code, message }. Anything else
 * (and every path outside /open311) goes on to the app's exception filter unchanged.
 */
export function open311BodyErrors(error: unknown, req: Request, res: Response, next: NextFunction): void {
  const { status, statusCode, expose, type } = (error ?? {}) as BodyParserError;
  const code = status ?? statusCode;
  const isOpen311 = /^\/+open311(\/|$)/i.test(req.originalUrl);
  if (
    !isOpen311 ||
    res.headersSent ||
    typeof code !== 'number' ||
    code < 400 ||
    code >= 500 ||
    expose === false
  ) {
    next(error);
    return;
  }
  const description = (type && BODY_ERRORS[type]) || '请求内容无法读取';
  sendOpen311(res, formatOfPath(req.originalUrl), code, [{ code, description }], XML.errors);
}
