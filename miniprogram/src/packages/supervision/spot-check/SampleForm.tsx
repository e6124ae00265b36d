/**
 * 随机抽取: how many of today's entries to draw (and, to repeat a draw, its seed). The draw is
 * recorded by the server: the seed and the picks can be shown to anyone who asks how they were chosen.
 */
import { Input, Text, View } from '@tarojs/components';
import { SUPERVISION_RULES, type SpotCheckSampleView } from '@jinri/shared';
import { useState } from 'react';

import { toApiError } from '@/api/request';
import { drawSpotCheckSample } from '@/api/spot-checks.api';
import { SheetButtons, SheetForm } from '@/packages/supervision/mine/SheetForm';

const SIZES = [1, 2, 3, 5, 10] as const;
/** As the server stores it: 1–64 printable ASCII characters, no spaces. */
const SEED = /^[\x21-\x7e]{1,64}$/;

export function SampleForm({
  unitId,
  placeUnitId,
  candidates,
  onDrawn,
  onClose,
}: {
  unitId: number | undefined;
  placeUnitId: number | undefined;
  /** How many entries the draw is made from (shown; the server counts again). */
  candidates: number;
  onDrawn: (sample: SpotCheckSampleView) => void;
  onClose: () => void;
}) {
  const [size, setSize] = useState(3);
  const [seed, setSeed] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (busy) return;
    if (unitId === undefined) return setError('还不知道您负责的范围，请稍后再试');
    if (seed.trim() && !SEED.test(seed.trim()))
      return setError('随机种子只能由字母、数字和符号组成，不含空格和汉字');
    setBusy(true);
    setError(null);
    try {
      const sample = await drawSpotCheckSample({
        unitId,
        size: Math.min(size, SUPERVISION_RULES.sampleMax),
        placeUnitId,
        seed: seed.trim() || undefined,
      });
      setBusy(false);
      onDrawn(sample);
    } catch (err) {
      setBusy(false);
      setError(toApiError(err).message);
    }
  };

  return (
    <SheetForm
      title="随机抽取"
      testId="sample"
      busy={busy}
      error={error}
      onClose={onClose}
      actions={
        <SheetButtons
          busy={busy}
          label="抽取"
          testId="sample-submit"
          onCancel={onClose}
          onSubmit={() => void submit()}
        />
      }
    >
      <Text className="st-hint">
        从今天已公开的 {candidates} 条日程中随机抽取。每次抽取都会记录随机种子和结果，可复核。
      </Text>
      <Text className="st-label">抽取条数</Text>
      <View className="st-chips" role="radiogroup" aria-label="抽取条数" data-testid="sample-size">
        {SIZES.map((n) => (
          <View
            key={n}
            className={`st-choice ${size === n ? 'st-choice--on' : ''}`}
            role="radio"
            aria-checked={size === n}
            data-value={String(n)}
            onClick={() => !busy && setSize(n)}
          >
            <Text>{n} 条</Text>
          </View>
        ))}
      </View>
      <Text className="st-label">随机种子（可不填，重现某次抽取时填写）</Text>
      <Input
        className="st-input"
        value={seed}
        maxlength={64}
        placeholder="不填则自动生成"
        disabled={busy || undefined}
        data-testid="sample-seed"
        onInput={(e) => setSeed(e.detail.value)}
      />
    </SheetForm>
  );
}
