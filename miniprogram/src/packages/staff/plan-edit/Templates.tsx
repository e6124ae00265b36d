/** 常用模板: entries an official often repeats (周例会, 坐班 …), kept on the phone. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { copyEntry, isDraftEntry, timeLabel, type DraftEntry } from '../common/entries';
import { readStored, storageKeys, writeStored } from '../common/storage';

export const MAX_TEMPLATES = 30;

const isTemplateList = (v: unknown): v is DraftEntry[] => Array.isArray(v) && v.every(isDraftEntry);

export function readTemplates(officialId: number): DraftEntry[] {
  return readStored(storageKeys.planTemplates(officialId), isTemplateList) ?? [];
}

/** Adds `entry` (newest first); an identical template is not added twice. Returns the new list. */
export function addTemplate(officialId: number, list: DraftEntry[], entry: DraftEntry): DraftEntry[] | null {
  const template = copyEntry(entry);
  const same = (t: DraftEntry) =>
    t.what.trim() === template.what.trim() &&
    t.place.trim() === template.place.trim() &&
    t.kind === template.kind &&
    timeLabel(t) === timeLabel(template);
  if (list.some(same)) return null;
  const next = [template, ...list].slice(0, MAX_TEMPLATES);
  writeStored(storageKeys.planTemplates(officialId), next);
  return next;
}

export function removeTemplate(officialId: number, list: DraftEntry[], key: string): DraftEntry[] {
  const next = list.filter((t) => t.key !== key);
  writeStored(storageKeys.planTemplates(officialId), next.length ? next : null);
  return next;
}

interface TemplatesPanelProps {
  templates: DraftEntry[];
  onInsert: (template: DraftEntry) => void;
  onDelete: (key: string) => void;
}

export function TemplatesPanel({ templates, onInsert, onDelete }: TemplatesPanelProps) {
  const confirmDelete = async (t: DraftEntry) => {
    const { confirm } = await Taro.showModal({
      title: '删除模板？',
      content: `“${t.what.slice(0, 40)}”将从常用模板中删除，已填写的日程不受影响。`,
      confirmText: '删除',
      confirmColor: '#b42318',
      cancelText: '取消',
    });
    if (confirm) onDelete(t.key);
  };

  return (
    <View className="card st-templates" data-testid="templates">
      <Text className="st-card-title">常用模板</Text>
      {templates.length === 0 ? (
        <Text className="st-hint">
          还没有模板。填好一项后，点这一项下方的“存为常用模板”，以后就能一键插入。
        </Text>
      ) : (
        templates.map((t) => (
          <View key={t.key} className="st-template" data-testid="template">
            <View className="st-template__body">
              <Text className="st-template__meta">
                {[timeLabel(t), t.kind, t.place].filter(Boolean).join(' · ') || '未填时间和类别'}
              </Text>
              <Text className="st-template__what">{t.what}</Text>
            </View>
            <View className="st-template__actions">
              <View className="st-small-btn st-small-btn--primary" role="button" onClick={() => onInsert(t)}>
                <Text>插入</Text>
              </View>
              <View className="st-small-btn" role="button" onClick={() => void confirmDelete(t)}>
                <Text>删除</Text>
              </View>
            </View>
          </View>
        ))
      )}
    </View>
  );
}
