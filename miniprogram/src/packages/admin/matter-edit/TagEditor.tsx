/** A list of short words as removable chips, with an input to add more (synonyms, keywords). */
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';

interface TagEditorProps {
  values: string[];
  onChange: (values: string[]) => void;
  maxItems: number;
  maxLength: number;
  placeholder: string;
  /** data-testid prefix: `${testId}`, `${testId}-tag`, `${testId}-input`, `${testId}-add`. */
  testId: string;
  disabled?: boolean;
  /** Shown as chips, or one per line (longer text such as materials). */
  layout?: 'chips' | 'lines';
}

/** Splits what was typed on Chinese/English commas, 、 and semicolons (several at once is fine). */
function split(input: string): string[] {
  return input
    .split(/[,，、;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function TagEditor({
  values,
  onChange,
  maxItems,
  maxLength,
  placeholder,
  testId,
  disabled,
  layout = 'chips',
}: TagEditorProps) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const words = split(typed);
    if (words.length === 0) return;
    const tooLong = words.find((w) => w.length > maxLength);
    if (tooLong) {
      setProblem(`“${tooLong.slice(0, 10)}…”太长了，每项最多 ${maxLength} 个字`);
      return;
    }
    const next = [...values];
    for (const w of words) if (!next.includes(w)) next.push(w);
    if (next.length > maxItems) {
      setProblem(`最多 ${maxItems} 项`);
      return;
    }
    onChange(next);
    setTyped('');
    setProblem(null);
  };

  const remove = (word: string) => onChange(values.filter((v) => v !== word));

  return (
    <View data-testid={testId}>
      <View className={layout === 'chips' ? 'st-chips' : ''}>
        {values.map((word) => (
          <View
            key={word}
            className={layout === 'chips' ? 'ad-tag' : 'ad-line'}
            data-testid={`${testId}-tag`}
            data-word={word}
          >
            <Text className={layout === 'chips' ? undefined : 'ad-line__text'}>{word}</Text>
            <View
              className="ad-tag__remove"
              role="button"
              aria-label={`删除 ${word}`}
              data-testid={`${testId}-remove`}
              onClick={() => !disabled && remove(word)}
            >
              <Text>×</Text>
            </View>
          </View>
        ))}
      </View>
      <View className="ad-add-row">
        <Input
          className="st-input"
          value={typed}
          maxlength={200}
          placeholder={placeholder}
          placeholderClass="st-placeholder"
          confirmType="done"
          disabled={disabled || undefined}
          data-testid={`${testId}-input`}
          onInput={(e) => {
            setTyped(e.detail.value);
            setProblem(null);
          }}
          onConfirm={add}
        />
        <View
          className="st-small-btn st-small-btn--primary"
          role="button"
          data-testid={`${testId}-add`}
          onClick={add}
        >
          <Text>添加</Text>
        </View>
      </View>
      {problem ? <Text className="st-field-error">{problem}</Text> : null}
    </View>
  );
}
