/** "立体像" next to an official's name on the supervisor's pages: opens that official's record. */
import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { APP_PAGES } from '@jinri/shared';

import './record-link.css';

export const recordUrl = (officialId: number) => `/${APP_PAGES.supervisionRecord}?officialId=${officialId}`;

export function RecordLink({ officialId }: { officialId: number }) {
  return (
    <Text
      className="sv-record-link"
      data-testid="record-link"
      onClick={(event) => {
        // Inside a tappable row: open the record, not the row.
        event.stopPropagation();
        void Taro.navigateTo({ url: recordUrl(officialId) }).catch(() => undefined);
      }}
    >
      立体像
    </Text>
  );
}
