import { Button, Text, View } from '@tarojs/components';
import { useState, useSyncExternalStore } from 'react';

import {
  agreePrivacy,
  disagreePrivacy,
  getPrivacyState,
  openPrivacyContract,
  subscribePrivacy,
} from './privacy';
import './index.css';

interface PrivacyGuideProps {
  /** Unique per page: Taro keeps element ids in one app-wide table. */
  id: string;
}

/** What we collect and why; also shown in full when WeChat's contract page cannot be opened. */
const SUMMARY =
  '“今日工作”只向干部收集个人信息：绑定的手机号（用于回电），以及晒工作进展时自愿上传的照片和位置；居民查询不需要提供任何个人信息。';

const DETAILS = [
  '1. 手机号：仅向干部身份的用户收集，由您点击“绑定手机号”并在微信弹窗中同意后获取；页面上只显示隐去中间四位的号码。',
  '2. 照片：干部晒工作进展时自行选择或拍摄上传，上传前去除拍摄地点等附加信息，随工作进展公开展示。',
  '3. 位置：仅在干部晒进展时勾选“附上位置”才获取一次，只有督查人员可见，不公开。',
  '4. 保存与删除：手机号保存至您不再担任相关职务；照片和位置随工作记录保存。如需删除或更正，请联系本单位管理员。',
  '5. 我们不会将您的信息用于其他用途，也不会提供给第三方。',
];

/**
 * The privacy consent popup (see ./privacy.ts). Rendered by components/Page on every page; shows
 * itself when consent is needed. Buttons are full width and large: many readers are elderly.
 */
export function PrivacyGuide({ id }: PrivacyGuideProps) {
  const privacy = useSyncExternalStore(subscribePrivacy, getPrivacyState, getPrivacyState);
  const [showDetails, setShowDetails] = useState(false);
  if (!privacy.visible) return null;

  const agreeId = `privacy-agree-${id}`;

  const openContract = () => {
    if (process.env.TARO_ENV !== 'weapp') {
      setShowDetails((shown) => !shown);
      return;
    }
    void openPrivacyContract().then((opened) => {
      if (!opened) setShowDetails(true);
    });
  };

  return (
    <View className="privacy-guide" catchMove data-testid="privacy-guide">
      <View className="privacy-guide__dialog" role="dialog" aria-modal="true" aria-label="个人信息保护提示">
        <Text className="privacy-guide__title">个人信息保护提示</Text>
        <View className="privacy-guide__content">
          <Text className="privacy-guide__text">{SUMMARY}</Text>
          <Text className="privacy-guide__text">使用前，请您阅读并同意：</Text>
          <View
            className="privacy-guide__link"
            role="button"
            data-testid="privacy-contract"
            onClick={openContract}
          >
            <Text>《{privacy.contractName}》</Text>
          </View>
          {showDetails ? (
            <View className="privacy-guide__details" data-testid="privacy-details">
              {DETAILS.map((line) => (
                <Text key={line} className="privacy-guide__detail">
                  {line}
                </Text>
              ))}
            </View>
          ) : null}
        </View>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button
            id={agreeId}
            className="btn btn-primary privacy-guide__button"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => agreePrivacy(agreeId)}
          >
            同意并继续
          </Button>
        ) : (
          <Button
            id={agreeId}
            className="btn btn-primary privacy-guide__button"
            data-testid="privacy-agree"
            onClick={() => agreePrivacy(agreeId)}
          >
            同意并继续
          </Button>
        )}
        <Button
          className="btn btn-secondary privacy-guide__button"
          data-testid="privacy-disagree"
          onClick={disagreePrivacy}
        >
          暂不同意
        </Button>
      </View>
    </View>
  );
}
