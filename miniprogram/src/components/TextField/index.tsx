/**
 * A labelled text box with its character count (st-* classes, styles/kit.css): a reason, a reply,
 * a weekly report, what a plan entry is about.
 */
import { Text, Textarea, View } from '@tarojs/components';

import { onlyIf } from '@/utils/props';

interface TextFieldProps {
  label: string;
  value: string;
  max: number;
  placeholder?: string;
  disabled?: boolean;
  testId: string;
  onChange: (value: string) => void;
  /** A long text (周报): a taller box. */
  tall?: boolean;
  /** Marked as needing a fix (its message is shown by the caller). */
  invalid?: boolean;
  /** In a fixed layer (a bottom sheet): weapp must know. */
  fixed?: boolean;
}

export function TextField({
  label,
  value,
  max,
  placeholder,
  disabled = false,
  testId,
  onChange,
  tall = false,
  invalid = false,
  fixed = false,
}: TextFieldProps) {
  return (
    <>
      <View className="st-label-row">
        <Text className="st-label">{label}</Text>
        <Text className={`st-counter ${value.length > max ? 'st-counter--over' : ''}`}>
          {value.length}/{max}
        </Text>
      </View>
      <Textarea
        className={['st-textarea', tall ? 'st-textarea--tall' : '', invalid ? 'st-input--invalid' : '']
          .filter(Boolean)
          .join(' ')}
        value={value}
        maxlength={max}
        fixed={onlyIf(fixed)}
        autoHeight
        placeholder={placeholder}
        placeholderClass="st-placeholder"
        disabled={onlyIf(disabled)}
        data-testid={testId}
        onInput={(e) => onChange(e.detail.value)}
      />
    </>
  );
}
