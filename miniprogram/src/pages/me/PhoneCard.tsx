import { Button, Text, View, type ButtonProps } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { toApiError, type ApiError } from '@/api/request';
import { bindPhone } from '@/api/session';
import { onlyIf } from '@/utils/props';

interface PhoneCardProps {
  phoneMasked: string | null;
}

/** Text for a failed POST /me/phone. */
function bindErrorMessage(error: ApiError): string {
  if (error.hasCode('AUTH.PHONE_UNAVAILABLE') || error.hasCode('AUTH.WECHAT_CODE_INVALID')) {
    return '手机号授权已失效，请再点一次“绑定手机号”';
  }
  if (error.hasCode('AUTH.WECHAT_UNAVAILABLE')) return '微信服务繁忙，请稍后再试';
  return error.message;
}

/**
 * 绑定手机号 (officials): WeChat's getPhoneNumber button gives a one-time code, the server turns it
 * into the number. Only in the weapp; H5 explains where to do it.
 */
export function PhoneCard({ phoneMasked }: PhoneCardProps) {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onGetPhoneNumber: NonNullable<ButtonProps['onGetPhoneNumber']> = (e) => {
    const { code, errMsg } = e.detail;
    if (!code) {
      // Declined in WeChat's sheet, or WeChat refused (e.g. privacy consent not given).
      setError(
        /deny|cancel|privacy/i.test(errMsg ?? '')
          ? '您没有同意提供手机号，手机号未绑定'
          : '暂时无法获取手机号，请稍后再试',
      );
      return;
    }
    setSending(true);
    setError(null);
    bindPhone(code).then(
      () => {
        setSending(false);
        void Taro.showToast({ title: '手机号已绑定', icon: 'success' });
      },
      (err: unknown) => {
        setSending(false);
        setError(bindErrorMessage(toApiError(err)));
      },
    );
  };

  return (
    <View className="card" data-testid="phone-card">
      <Text className="me-card__title">绑定手机号</Text>
      <Text className="me-card__hint">群众反映的事项需要回电时，工作人员可以通过这个号码联系您。</Text>
      <Text className="me-card__value">
        {phoneMasked ? `当前号码：${phoneMasked}` : '当前还没有绑定手机号'}
      </Text>
      {process.env.TARO_ENV === 'weapp' ? (
        <Button
          className={`btn btn-primary btn-block ${sending ? 'btn-disabled' : ''}`}
          openType="getPhoneNumber"
          onGetPhoneNumber={onGetPhoneNumber}
          disabled={onlyIf(sending)}
          loading={onlyIf(sending)}
        >
          {sending ? '正在绑定…' : phoneMasked ? '更换手机号' : '绑定手机号'}
        </Button>
      ) : (
        <Button className="btn btn-block btn-disabled" disabled data-testid="phone-h5-hint">
          请在微信小程序中绑定
        </Button>
      )}
      {error ? (
        <View className="me-form__error" role="alert">
          <Text>{error}</Text>
        </View>
      ) : null}
    </View>
  );
}
