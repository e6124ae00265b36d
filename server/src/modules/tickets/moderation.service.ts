import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ModerationStatus } from '@jinri/shared';
import { FIELD_CIPHER, type FieldCipher } from '../../common/crypto/field-cipher';
import { AppException } from '../../common/errors/app.exception';
import { type AuthUser, coversUnit, scopePaths } from '../auth/auth-user';
import { CacheVersionService } from '../cache/cache-version.service';
import { WechatClient } from '../wechat/wechat.client';
import { SensitiveWordMatcher } from './sensitive-words';
import { TicketsRepository } from './tickets.repository';

export const SENSITIVE_WORDS_CACHE = 'sensitive-words';

export interface ModerationVerdict {
  /** `held`: flagged for the supervisor (a listed word, WeChat `review`, the check unavailable). */
  moderation: Extract<ModerationStatus, 'passed' | 'held'>;
  /** Why it is held (for the supervisor), or null. */
  reason: string | null;
  /**
   * A word on the admin's list: the comment goes to the supervision office's queue of the scope
   * (督查室/纪检), not to the official it may accuse; the supervisor assigns it.
   */
  toDesk: boolean;
}

/**
 * Moderation before anything is public: the admin's words, then WeChat msg_sec_check.
 * Complaints about officials (corruption included) are what the product is for: a word on the
 * admin's list never rejects a comment, it holds it for the supervision office of the scope. Only
 * content illegal in itself (WeChat `risky`) is refused, with a message that says why (nothing is
 * stored; the resident can edit and resend). `review`, or WeChat unreachable, holds the comment
 * from public view and routes it as usual: a failed check never loses a comment. Users without a
 * WeChat identity (demo login, never in production) get the local check only.
 */
@Injectable()
export class ModerationService {
  private readonly logger = new Logger('Moderation');
  private cached: { version: number; matcher: SensitiveWordMatcher } | null = null;

  constructor(
    private readonly repository: TicketsRepository,
    private readonly wechat: WechatClient,
    private readonly versions: CacheVersionService,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  async check(openidEnc: string | null, content: string, unitPath: string): Promise<ModerationVerdict> {
    const found = (await this.matcher()).find(content, unitPath);
    const words = found.length > 0 ? `含关注词“${found.join('、')}”，由督查室（纪检）审核后办理` : null;
    const held = (reason: string): ModerationVerdict => ({
      moderation: 'held',
      reason: [words, reason].filter(Boolean).join('；'),
      toDesk: words !== null,
    });
    const clean: ModerationVerdict = words ? held('') : { moderation: 'passed', reason: null, toDesk: false };
    if (!openidEnc) return clean;
    try {
      const verdict = await this.wechat.msgSecCheck(this.cipher.decrypt(openidEnc), content);
      if (verdict.suggest === 'risky') throw new AppException('TICKET.CONTENT_REJECTED');
      if (verdict.suggest === 'review') return held(`微信内容安全建议人工审核（${verdict.label}）`);
      return clean;
    } catch (error) {
      if (error instanceof AppException) throw error;
      this.logger.warn(
        { err: (error as Error).message },
        'msg_sec_check unavailable: comment held for review',
      );
      return held('内容安全检查暂不可用，待人工审核');
    }
  }

  /** The words in the admin's jurisdictions. */
  async listWords(admin: AuthUser): Promise<Array<{ unitId: number; word: string }>> {
    const paths = scopePaths(admin, ['admin']);
    return (await this.repository.findSensitiveWords())
      .filter((w) => paths.some((p) => w.unitPath.startsWith(p)))
      .map((w) => ({ unitId: w.unitId, word: w.word }));
  }

  /** Replaces the words of one unit (the admin's own or one below it). */
  async replaceWords(
    admin: AuthUser,
    unitId: number,
    words: string[],
  ): Promise<Array<{ unitId: number; word: string }>> {
    const unit = await this.repository.findUnit(unitId);
    if (!unit || !coversUnit(admin, ['admin'], unit.path)) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    const unique = [...new Set(words.map((w) => w.trim()).filter(Boolean))];
    await this.repository.replaceSensitiveWords(unitId, unique, admin.userId);
    await this.versions.bump(SENSITIVE_WORDS_CACHE);
    return this.listWords(admin);
  }

  private async matcher(): Promise<SensitiveWordMatcher> {
    const version = await this.versions.recentVersion(SENSITIVE_WORDS_CACHE);
    if (this.cached?.version !== version) {
      const words = await this.repository.findSensitiveWords();
      this.cached = { version, matcher: new SensitiveWordMatcher(words) };
    }
    return this.cached.matcher;
  }
}
