import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MeResponse } from '@jinri/shared';
import { useState } from 'react';

import { toApiError, type ApiError } from '@/api/request';
import { redeemInvite } from '@/api/session';
import { roleLabel } from '@/utils/roles';
import { onlyIf } from '@/utils/props';
import { formatInviteCode, INVITE_CODE_LENGTH, normalizeInviteCode } from './inviteCode';

/** What to tell the person for each way redeeming can fail (server codes, known to shared or not). */
const INVITE_ERRORS: Record<string, string> = {
  'INVITE.NOT_FOUND': '邀请码不正确，请核对后重新输入',
  'INVITE.EXPIRED': '邀请码已过期，请联系管理员重新获取',
  'INVITE.ALREADY_USED': '邀请码已被使用过，每个邀请码只能用一次',
  'INVITE.REVOKED': '邀请码已作废，请联系管理员重新获取',
  'COMMON.VALIDATION_FAILED': '邀请码格式不对，应为 12 位字母或数字',
};

function redeemErrorMessage(error: ApiError): string {
  return INVITE_ERRORS[error.serverCode] ?? error.message;
}

interface InviteFormProps {
  /** The roles before redeeming, to name what was gained. */
  before: MeResponse;
}

type Feedback = { kind: 'error'; text: string } | { kind: 'success'; text: string } | null;

/** 输入邀请码: redeem a one-time invite to become an official, clerk, supervisor or admin. */
export function InviteForm({ before }: InviteFormProps) {
  const [code, setCode] = useState(''); // bare: uppercase, no dashes
  const [sending, setSending] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  const onInput = (value: string) => {
    const next = normalizeInviteCode(value);
    setCode(next);
    if (feedback) setFeedback(null);
  };

  const submit = () => {
    if (sending || code === '') return;
    if (code.length !== INVITE_CODE_LENGTH) {
      setFeedback({
        kind: 'error',
        text: `邀请码是 ${INVITE_CODE_LENGTH} 位字母或数字，您输入了 ${code.length} 位，请核对`,
      });
      return;
    }
    setSending(true);
    setFeedback(null);
    redeemInvite(code).then(
      (me) => {
        setSending(false);
        setCode('');
        const gained = me.grants.filter((g) => !before.grants.some((b) => b.id === g.id));
        const names = gained.map((g) =>
          g.unit ? `${roleLabel(g.role)}（${g.unit.name}）` : roleLabel(g.role),
        );
        setFeedback({
          kind: 'success',
          text: names.length > 0 ? `兑换成功，您现在是：${names.join('、')}` : '兑换成功，身份已更新',
        });
        void Taro.showToast({ title: '邀请码已兑换', icon: 'success' });
      },
      (error: unknown) => {
        setSending(false);
        setFeedback({ kind: 'error', text: redeemErrorMessage(toApiError(error)) });
      },
    );
  };

  return (
    <View className="card" data-testid="invite-form">
      <Text className="me-card__title">输入邀请码</Text>
      <Text className="me-card__hint">
        干部、信息员等工作人员，请输入管理员发给您的 12 位邀请码，字母不分大小写。
      </Text>
      <Input
        className="me-input"
        type="text"
        value={formatInviteCode(code)}
        placeholder="XXXX-XXXX-XXXX"
        placeholderClass="me-input__placeholder"
        maxlength={24}
        confirmType="done"
        disabled={onlyIf(sending)}
        data-testid="invite-input"
        onInput={(e) => onInput(e.detail.value)}
        onConfirm={submit}
      />
      {feedback ? (
        <View
          className={feedback.kind === 'error' ? 'me-form__error' : 'me-form__success'}
          role={feedback.kind === 'error' ? 'alert' : 'status'}
          data-testid={feedback.kind === 'error' ? 'invite-error' : 'invite-success'}
        >
          <Text>{feedback.text}</Text>
        </View>
      ) : null}
      <Button
        className={`btn btn-primary btn-block me-form__submit ${sending || code === '' ? 'btn-disabled' : ''}`}
        disabled={onlyIf(sending || code === '')}
        loading={onlyIf(sending)}
        data-testid="invite-submit"
        onClick={submit}
      >
        {sending ? '正在提交…' : '确认兑换'}
      </Button>
    </View>
  );
}
