/**
 * 代理人 of one post (岗位AB角): a colleague of the same unit who takes new tickets while the holder
 * is on approved leave, and whom residents see as 请假中，由 X 代理. Chosen from the unit's other post
 * holders, or cleared.
 */
import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';

import { setPostDeputy, type UnitMember } from '@/api/admin.api';
import { toApiError } from '@/api/request';
import { FormActions } from '../common/FormActions';

const NOBODY = '不设代理人';

export function DeputySheet({
  member,
  postId,
  members,
  onDone,
  onCancel,
}: {
  member: UnitMember;
  postId: number;
  /** The unit's post holders (the candidates are the others, each once). */
  members: UnitMember[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const candidates = members.filter(
    (m, i) =>
      m.officialId !== member.officialId && members.findIndex((x) => x.officialId === m.officialId) === i,
  );
  const current = candidates.findIndex((m) => m.officialId === member.deputyOfficialId);
  const [picked, setPicked] = useState(current >= 0 ? current + 1 : 0);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const labels = [NOBODY, ...candidates.map((m) => `${m.name}（${m.unit.name}${m.title}）`)];

  const save = async () => {
    if (sending) return;
    setSending(true);
    setError(null);
    const deputy = picked === 0 ? null : candidates[picked - 1]!;
    try {
      await setPostDeputy(postId, deputy?.officialId ?? null);
      onDone(
        deputy
          ? `${member.title}的代理人已设为 ${deputy.name}：${member.name}请假期间，新留言转给 ${deputy.name}`
          : `${member.title}已不设代理人`,
      );
    } catch (err) {
      setError(toApiError(err).message);
      setSending(false);
    }
  };

  return (
    <View className="ad-sheet" data-testid="deputy-sheet">
      <Text className="st-label">代理人（AB角）</Text>
      <Picker
        mode="selector"
        range={labels}
        value={picked}
        onChange={(e) => setPicked(Number(e.detail.value))}
      >
        <View className="ad-pick" role="button" data-testid="deputy-pick">
          <Text className="st-grow">{labels[picked]}</Text>
          <Text className="ad-unit-row__arrow">更改</Text>
        </View>
      </Picker>
      <Text className="st-hint">
        {member.name} 请假期间，新留言转给代理人，居民看到“请假中，由代理人代理”。
      </Text>
      <FormActions
        error={error}
        errorTestId="deputy-error"
        label="保存"
        busyLabel="正在保存…"
        busy={sending}
        testId="deputy-save"
        onCancel={onCancel}
        onSubmit={() => void save()}
      />
    </View>
  );
}
