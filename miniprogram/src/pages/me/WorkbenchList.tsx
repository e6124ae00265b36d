/** The rows of a 我的 card (工作台, 管理, 留言): a title, a hint, an optional status line, and ›. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import './Workbench.css';

export interface WorkbenchItem {
  key: string;
  title: string;
  hint: string;
  url: string;
  status?: string;
  tone?: 'neutral' | 'warning' | 'success' | 'danger';
  /** data-testid of the status line (default "workbench-status"). */
  statusTestId?: string;
}

export function WorkbenchList({
  items,
  itemTestId = 'workbench-item',
}: {
  items: WorkbenchItem[];
  /** data-testid of each row (default "workbench-item"). */
  itemTestId?: string;
}) {
  if (items.length === 0) return null;
  return (
    <View className="me-workbench">
      {items.map((item) => (
        <View
          key={item.key}
          className="me-workbench__item"
          role="button"
          data-testid={itemTestId}
          data-key={item.key}
          onClick={() => void Taro.navigateTo({ url: item.url })}
        >
          <View className="me-workbench__body">
            <Text className="me-workbench__title">{item.title}</Text>
            <Text className="me-workbench__hint">{item.hint}</Text>
            {item.status ? (
              <Text
                className={`me-workbench__status me-workbench__status--${item.tone ?? 'neutral'}`}
                data-testid={item.statusTestId ?? 'workbench-status'}
              >
                {item.status}
              </Text>
            ) : null}
          </View>
          <Text className="me-workbench__arrow">›</Text>
        </View>
      ))}
    </View>
  );
}
