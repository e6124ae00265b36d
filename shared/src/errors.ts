/**
 * Stable error codes ('DOMAIN.REASON'). The server answers every failure with `{ code, message, details? }`
 * where `code` is one of these; clients switch on the code, never on the message.
 * `message` is the default Simplified Chinese text shown to a person.
 */
export const ErrorCodes = {
  'COMMON.VALIDATION_FAILED': { status: 400, message: '提交的内容有误，请检查后重试' },
  'COMMON.BAD_REQUEST': { status: 400, message: '请求格式不正确' },
  'COMMON.UNAUTHORIZED': { status: 401, message: '请先登录' },
  'COMMON.FORBIDDEN': { status: 403, message: '没有权限进行此操作' },
  'COMMON.NOT_FOUND': { status: 404, message: '找不到该内容' },
  'COMMON.METHOD_NOT_ALLOWED': { status: 405, message: '不支持该操作' },
  'COMMON.CONFLICT': { status: 409, message: '内容已被他人修改，请刷新后重试' },
  'COMMON.PAYLOAD_TOO_LARGE': { status: 413, message: '提交的内容过大' },
  'COMMON.UNSUPPORTED_MEDIA_TYPE': { status: 415, message: '不支持的内容格式' },
  'COMMON.RATE_LIMITED': { status: 429, message: '操作太频繁，请稍后再试' },
  'COMMON.INTERNAL': { status: 500, message: '服务器开小差了，请稍后再试' },
  'COMMON.UNAVAILABLE': { status: 503, message: '服务暂时不可用，请稍后再试' },
  'DATABASE.UNAVAILABLE': { status: 503, message: '数据库暂时不可用，请稍后再试' },
  // Operations (issue #16): the database unreachable (connection refused, lost, timed out, pool queue
  // full) answers this at once instead of hanging or 500; this instance shutting down refuses new work.
  'SYSTEM.DATABASE_UNAVAILABLE': { status: 503, message: '系统繁忙，数据库暂时无法访问，请稍后再试' },
  'SYSTEM.SHUTTING_DOWN': { status: 503, message: '服务正在重启，请稍后再试' },
  'AUTH.TOKEN_INVALID': { status: 401, message: '登录已失效，请重新登录' },
  'AUTH.TOKEN_EXPIRED': { status: 401, message: '登录已过期，请重新登录' },
  'AUTH.WECHAT_CODE_INVALID': { status: 401, message: '微信登录凭证无效，请重新登录' },
  'AUTH.WECHAT_UNAVAILABLE': { status: 503, message: '微信服务繁忙，请稍后再试' },
  'AUTH.DEMO_LOGIN_DISABLED': { status: 404, message: '演示登录未开启' },
  'AUTH.ROLE_REQUIRED': { status: 403, message: '当前身份没有权限进行此操作' },
  'AUTH.OUT_OF_SCOPE': { status: 403, message: '只能操作本人或本辖区的内容' },
  'AUTH.PHONE_UNAVAILABLE': { status: 400, message: '未能获取手机号，请重试' },
  'INVITE.NOT_FOUND': { status: 404, message: '邀请码不正确，请核对后重新输入' },
  'INVITE.EXPIRED': { status: 410, message: '邀请码已过期，请联系管理员重新发放' },
  'INVITE.ALREADY_USED': { status: 409, message: '邀请码已被使用' },
  'INVITE.REVOKED': { status: 410, message: '邀请码已作废，请联系管理员' },
  'INVITE.INVALID_TARGET': { status: 400, message: '邀请对象与单位不匹配' },
  'INVITE.OFFICIAL_ALREADY_BOUND': {
    status: 409,
    message: '该干部已绑定其他微信账号，请联系管理员先撤销现有账号的授权，再使用邀请码',
  },
  'GRANT.NOT_FOUND': { status: 404, message: '找不到该授权' },
  'CALENDAR.ENTRY_NOT_FOUND': { status: 404, message: '该日期没有管理员录入的安排' },
  'CALENDAR.YEAR_EMPTY': { status: 400, message: '该年份还没有录入任何节假日，请先录入再确认' },
  'DIRECTORY.UNIT_NOT_FOUND': { status: 404, message: '找不到该单位' },
  'DIRECTORY.OFFICIAL_NOT_FOUND': { status: 404, message: '找不到该干部' },
  'PLAN.NOT_FOUND': { status: 404, message: '找不到该日程' },
  'PLAN.VERSION_CONFLICT': { status: 409, message: '日程已被他人修改，请刷新后再改' },
  'PLAN.INVALID_ENTRY': { status: 400, message: '日程内容有误，请检查后重试' },
  'PLAN.DATE_OUT_OF_RANGE': { status: 400, message: '只能填写近期的日程' },
  'PLAN.UNKNOWN_KIND': { status: 400, message: '请选择标准的工作类别' },
  'PLAN.SHEET_INVALID': { status: 400, message: '表格有误，未导入任何内容，请按提示修改后重新上传' },
  'ENTRY.NOT_FOUND': { status: 404, message: '找不到该条日程' },
  'ENTRY.NOT_TODAY': { status: 400, message: '只能晒当天的工作进展' },
  'UPLOAD.TOO_LARGE': { status: 413, message: '图片太大，请压缩后再传（最大 8MB）' },
  'UPLOAD.UNSUPPORTED': { status: 415, message: '只支持 JPG、PNG、WebP 图片' },
  'UPLOAD.DAMAGED': { status: 400, message: '图片已损坏，无法读取，请重新选择' },
  'UPLOAD.NOT_FOUND': { status: 404, message: '找不到该图片' },
  'UPLOAD.TOO_MANY_PIXELS': { status: 400, message: '图片像素太多（最多 4000 万像素），请缩小后再传' },
  'UPLOAD.QUOTA_EXCEEDED': { status: 429, message: '今天上传的图片已达上限，请明天再传' },
  /** The photo store (S3-compatible, PHOTO_STORAGE=s3) did not answer: nothing was recorded. */
  'UPLOAD.STORAGE_UNAVAILABLE': { status: 503, message: '图片存储暂时不可用，请稍后再试' },
  'LEAVE.NOT_FOUND': { status: 404, message: '找不到该请假记录' },
  'LEAVE.INVALID_RANGE': { status: 400, message: '请假日期有误' },
  'LEAVE.ALREADY_DECIDED': { status: 409, message: '该请假已审批' },
  'REPORT.INVALID_WEEK': { status: 400, message: '周报的开始日期必须是星期一' },
  'RANGE.TOO_LONG': { status: 400, message: '查询范围不能超过 92 天' },
  'FINDING.NOT_FOUND': { status: 404, message: '找不到该督查记录' },
  'FINDING.INVALID_TRANSITION': { status: 409, message: '该督查记录当前状态不能进行此操作' },
  'FINDING.VERSION_CONFLICT': { status: 409, message: '督查记录已被他人处理，请刷新后再操作' },
  'FINDING.EXPLAIN_CLOSED': {
    status: 409,
    message: '申辩期限已过（发现后 1 个工作日内），如有异议请联系督查室',
  },
  'SPOT_CHECK.ENTRY_NOT_FOUND': { status: 404, message: '找不到该条日程，或日程尚未公开' },
  'SPOT_CHECK.NOT_TODAY': { status: 400, message: '只能抽查当天已公开的日程' },
  'SPOT_CHECK.VISIT_TIME_INVALID': { status: 400, message: '到访时间有误：须是当天、且不晚于现在' },
  'SPOT_CHECK.NO_CANDIDATES': { status: 409, message: '今天没有可抽查的已公开日程' },
  'SPOT_CHECK.NOT_FOUND': { status: 404, message: '找不到该抽查记录' },
  'SPOT_CHECK.NOT_IN_SAMPLE': { status: 400, message: '该条日程不在这次抽签结果中' },
  'NOTICE.NOT_FOUND': { status: 404, message: '找不到该通报' },
  'NOTICE.ALREADY_ISSUED': { status: 409, message: '通报已印发，不能再修改' },
  'NOTICE.VERSION_CONFLICT': { status: 409, message: '通报已被他人修改，请刷新后再改' },
  'NOTICE.NO_FINDINGS': { status: 400, message: '所选期间和范围内没有已认定的督查记录，无法起草通报' },
  'NOTICE.FINDING_NOT_CONFIRMED': { status: 400, message: '通报只能引用已认定、且在本辖区内的督查记录' },
  // 抽签晒 (issue #14)
  'LOTTERY.NOT_FOUND': { status: 404, message: '找不到该期抽签' },
  'SELF_EXAM.NOT_FOUND': { status: 404, message: '找不到该书面检查' },
  'SELF_EXAM.INVALID_TRANSITION': { status: 409, message: '书面检查当前状态不能进行此操作' },
  'SELF_EXAM.VERSION_CONFLICT': { status: 409, message: '书面检查已被他人处理，请刷新后再试' },
  'TICKET.NOT_FOUND': { status: 404, message: '找不到该留言' },
  'TICKET.VERSION_CONFLICT': { status: 409, message: '留言状态已变化，请刷新后再操作' },
  'TICKET.INVALID_TRANSITION': { status: 409, message: '留言当前状态不能进行此操作' },
  'TICKET.TARGET_REQUIRED': { status: 400, message: '请选择留言的对象（日程、干部或事项）' },
  'TICKET.TARGET_NOT_PUBLIC': { status: 400, message: '只能对已公开的日程留言' },
  'TICKET.CONTENT_REJECTED': {
    status: 400,
    message: '留言含有违法违规内容（如辱骂、色情、暴力、诈骗等），未能提交，请修改后再提交',
  },
  'TICKET.IDEMPOTENCY_KEY_REQUIRED': { status: 400, message: '请求缺少防重复提交标识，请更新小程序后重试' },
  'TICKET.IDEMPOTENCY_KEY_REUSED': { status: 422, message: '该提交标识已用于另一条留言' },
  'TICKET.RATE_LIMITED': { status: 429, message: '留言太频繁，请稍后再试' },
  'TICKET.REPORT_OWN': { status: 400, message: '不能举报自己的留言或答复' },
  'TICKET.REPORT_NO_REPLY': { status: 400, message: '这条留言还没有公开的答复，无法举报答复' },
  'TICKET.REPORT_RATE_LIMITED': { status: 429, message: '举报太频繁，请稍后再试' },
  'TICKET.DUPLICATE': { status: 409, message: '您已提交过相同的留言，请在“我的留言”中查看进展' },
  'TICKET.REASON_REQUIRED': { status: 400, message: '请填写原因' },
  'TICKET.EXTENSION_NOT_ALLOWED': { status: 409, message: '每条留言只能申请一次延期，且须在办理期限前申请' },
  'TICKET.ASSIGNEE_INVALID': { status: 400, message: '找不到可转办的干部或单位' },
  'MATTER.NOT_FOUND': { status: 404, message: '找不到该事项' },
  // Open311 GeoReport v2 (issue #17): integrators' API keys; answers in the spec's own error shape.
  'OPEN311.API_KEY_INVALID': { status: 403, message: 'api_key 无效或已停用' },
  'OPEN311.API_KEY_NOT_FOUND': { status: 404, message: '找不到该 API 密钥' },
  'OPEN311.RATE_LIMITED': { status: 429, message: '该 API 密钥的提交次数已达上限，请稍后再试' },
  'OPEN311.SERVICE_NOT_FOUND': { status: 404, message: '找不到该服务（service_code）' },
  'OPEN311.REQUEST_NOT_FOUND': { status: 404, message: '找不到该服务请求' },
  'OPEN311.JURISDICTION_INVALID': { status: 400, message: 'jurisdiction_id 不正确' },
  'OPEN311.FIELD_INVALID': { status: 400, message: '字段不正确' },
  // Rankings and 红黄旗 (issue #14)
  'RANKING.PERIOD_INVALID': {
    status: 400,
    message: '统计期间有误：请选择周、月、季度，或不超过一年的起止日期',
  },
  'RANKING.LEVEL_INVALID': { status: 400, message: '该单位下没有可排名的乡镇、部门或干部' },
  'RANKING.NOT_JURISDICTION': { status: 400, message: '排名设置只能按县（辖区）设置' },
  'RANKING.WEIGHTS_INVALID': { status: 400, message: '权重须为 0–100 的数，且至少一项大于 0' },
  'FLAG.PERIOD_INVALID': { status: 400, message: '评旗期间有误：须从周一、月初或季初开始' },
  'FLAG.PERIOD_NOT_ENDED': { status: 409, message: '该期间尚未结束，结束后才能评定红黄旗' },
  'FLAG.UNIT_INVALID': { status: 400, message: '所选单位不在本次排名中，或样本不足不能评旗' },
  'FLAG.TOO_MANY': { status: 400, message: '红旗、黄旗数量超过设定的名额' },
  'FLAG.BOTH_COLORS': { status: 400, message: '同一单位不能同时评为红旗和黄旗' },
  'FLAG.REASON_REQUIRED': { status: 400, message: '与排名建议不同，请填写调整理由' },
  'FLAG.COUNTY_ONLY': {
    status: 403,
    message: '红黄旗由县督查室按全县评定；您的督查范围在乡镇或部门，可查看本范围的评定记录',
  },
  // PDF exports and 立体像 (issue #14)
  'EXPORT.FONT_MISSING': {
    status: 503,
    message:
      '服务器未安装中文字体，暂不能导出 PDF：请管理员安装 fonts-noto-cjk，或设置 PDF_FONT_FILE 指向中文字体文件',
  },
  'RECORD.NOT_FOUND': { status: 404, message: '找不到该干部' },
  'RECORD.PERIOD_INVALID': { status: 400, message: '期间有误：开始日期不能晚于结束日期，且不超过一年' },
  // 实绩公示栏, the printed weekly board (issue #14)
  'BOARD.INVALID_WEEK': { status: 400, message: '周次有误，请按“2026-W48”的格式选择' },
  'BOARD.FUTURE_WEEK': { status: 400, message: '这一周还没有开始，没有可公示的内容' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ErrorCodes;

/** The body of every error response. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
  /** The request id, to quote when reporting a problem. */
  requestId?: string;
}

/** One field that failed validation, as listed in `details` of `COMMON.VALIDATION_FAILED`. */
export interface FieldError {
  field: string;
  reasons: string[];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ErrorCodes, value);
}

export function errorStatus(code: ErrorCode): number {
  return ErrorCodes[code].status;
}

export function errorMessage(code: ErrorCode): string {
  return ErrorCodes[code].message;
}
