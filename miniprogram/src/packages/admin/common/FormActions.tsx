/** The foot of an admin form: what went wrong, then 取消 and the action (View buttons, thumb-sized). */
import { Text, View } from '@tarojs/components';

import { Banner } from '@/components/Banner';

interface FormActionsProps {
  error: string | null;
  errorTestId: string;
  /** e.g. 保存; `busyLabel` (正在保存…) while sending. */
  label: string;
  busyLabel: string;
  busy: boolean;
  /** Not ready yet (nothing chosen): shown as off; the action still says why when tapped. */
  off?: boolean;
  testId: string;
  onCancel: () => void;
  onSubmit: () => void;
}

export function FormActions({
  error,
  errorTestId,
  label,
  busyLabel,
  busy,
  off = false,
  testId,
  onCancel,
  onSubmit,
}: FormActionsProps) {
  return (
    <>
      {error ? (
        <Banner tone="danger" testId={errorTestId}>
          <Text>{error}</Text>
        </Banner>
      ) : null}
      <View className="st-actions-row">
        <View className="btn btn-secondary" role="button" onClick={onCancel}>
          <Text>取消</Text>
        </View>
        <View
          className={`btn btn-primary ${busy || off ? 'btn-disabled' : ''}`}
          role="button"
          data-testid={testId}
          onClick={onSubmit}
        >
          <Text>{busy ? busyLabel : label}</Text>
        </View>
      </View>
    </>
  );
}
