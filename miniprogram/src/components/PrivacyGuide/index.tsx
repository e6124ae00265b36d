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

/**
 * Days after a ticket ends (办结, 撤回 or 屏蔽) before its personal data is scrubbed: the server's
 * TICKET_RETENTION_DAYS default (server/src/modules/tickets/ticket-deadlines.job.ts). Keep in step.
 */
const TICKET_RETENTION_DAYS = 180;

/** What we collect and why (PIPL art. 17); also shown in full when WeChat's contract page cannot be opened. */
const SUMMARY =
  '查看日程、找人办事不需要提供个人信息。您留言时，我们收集留言内容、所在村（社区）、您自愿上传的照片和填写的联系电话，只用于把留言交给负责的干部办理、回复和统计办理情况。干部和工作人员绑定的手机号、晒工作进展的照片和位置也会收集。详情见下方指引。';

const DETAILS = [
  '1. 留言收集什么、为什么：留言文字、所在村（社区）、照片（可不传，上传前去除拍摄地点等附加信息）和联系电话（可不填）。用于把留言交给负责的干部办理、回电和答复，并统计响应率、解决率、满意率。',
  '2. 谁能看到：联系电话加密保存，办理的干部只能看到隐去中间四位的号码，管理员为核实情况可看到完整号码。留言和照片只有您、办理的干部、督查室和管理员能看到；只有您选择“公开显示”并经督查室审核通过后才公开，署名只显示为“金乡街道 村民 王**”这样的形式，不显示姓名和电话。',
  '3. 网络地址：为防止恶意刷留言，只保存您网络地址经加密运算后的摘要（不能还原成地址），用于限制提交次数。',
  `4. 保存多久：留言办结、撤回或被屏蔽满 ${TICKET_RETENTION_DAYS} 天后，联系电话、署名和网络地址摘要自动删除；没有公开的留言，其内容和照片也一并删除，只留下不含个人信息的办理记录用于统计。`,
  '5. 撤回与删除：办结前，您可以在“我的留言”中随时撤回留言，撤回后不会公开。如需提前删除、查阅、复制或更正您的个人信息，或撤回公开的同意，请联系本县（街道）管理员，我们将在 15 个工作日内处理并答复。',
  '6. 内容安全：在微信小程序中提交的留言文字，会交给微信内容安全服务检查是否含有违法违规内容。除此以外，我们不会把您的信息提供给任何第三方，也不会用于其他用途，法律法规另有规定的除外。',
  '7. 登录：微信小程序只获取微信分配给本小程序的匿名标识，不获取昵称和头像；网页版只在您的浏览器中保存一个随机编号。',
  '8. 干部和工作人员：手机号由本人点击“绑定手机号”并在微信弹窗中同意后获取，页面上只显示隐去中间四位的号码，保存至不再担任相关职务；晒工作进展时自行上传的照片随工作进展公开；位置仅在勾选“附上位置”时获取一次，只有督查人员可见，随工作记录保存。',
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
    <View className="overlay privacy-guide" catchMove data-testid="privacy-guide">
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
