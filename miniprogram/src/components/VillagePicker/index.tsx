import { Button, Text, View } from '@tarojs/components';
import type { UnitSummary } from '@jinri/shared';
import { useState } from 'react';

import { getUnits } from '@/api/journals.api';
import { useLoad } from '@/hooks/useLoad';
import type { MyVillage, PlaceRef } from '@/hooks/useMyVillage';
import { BottomSheet } from '../BottomSheet';
import { LoadingState } from '../LoadingState';
import './index.css';

interface VillagePickerProps {
  /** The current choice: its town opens at step 2 and its village is marked. */
  value?: MyVillage | null;
  /** A village (or, when the resident is not sure, just the town) was chosen. */
  onPick: (town: PlaceRef, village: PlaceRef | null) => void;
}

const ref = (unit: UnitSummary): PlaceRef => ({ id: unit.id, name: unit.name });

/**
 * Two steps, big buttons: 乡镇（街道）, then 村（社区） (GET /units). "Not sure" can stop at the town.
 */
export function VillagePicker({ value, onPick }: VillagePickerProps) {
  const [town, setTown] = useState<PlaceRef | null>(value?.town ?? null);
  const root = useLoad('units|root', () => getUnits());
  const villages = useLoad(town ? `units|${town.id}` : null, () => getUnits(town!.id));

  if (!town) {
    const towns =
      root.view.kind === 'ok' ? root.view.data.children.filter((unit) => unit.kind === 'town') : [];
    return (
      <View className="village-picker" data-testid="village-picker" data-step="town">
        <Text className="village-picker__step">第一步：选择乡镇（街道）</Text>
        {root.view.kind === 'loading' ? <LoadingState text="正在加载乡镇列表…" /> : null}
        {root.view.kind === 'error' ? (
          <PickerError message={root.view.error.message} onRetry={root.retry} />
        ) : null}
        {root.view.kind === 'ok' ? (
          <View className="village-picker__grid" role="radiogroup" aria-label="选择乡镇">
            {towns.map((unit) => (
              <Option
                key={unit.id}
                label={unit.name}
                testId="picker-town"
                unitId={unit.id}
                selected={value?.town.id === unit.id}
                onClick={() => setTown(ref(unit))}
              />
            ))}
          </View>
        ) : null}
      </View>
    );
  }

  const list =
    villages.view.kind === 'ok' ? villages.view.data.children.filter((unit) => unit.kind === 'village') : [];
  return (
    <View className="village-picker" data-testid="village-picker" data-step="village">
      <View
        className="village-picker__back"
        role="button"
        data-testid="picker-back"
        hoverClass="village-picker__back--pressed"
        onClick={() => setTown(null)}
      >
        <Text className="village-picker__back-town">{town.name}</Text>
        <Text className="village-picker__back-action">‹ 重选乡镇</Text>
      </View>
      <Text className="village-picker__step">第二步：选择村（社区）</Text>
      {villages.view.kind === 'loading' ? <LoadingState text="正在加载村（社区）列表…" /> : null}
      {villages.view.kind === 'error' ? (
        <PickerError message={villages.view.error.message} onRetry={villages.retry} />
      ) : null}
      {villages.view.kind === 'ok' ? (
        <View className="village-picker__grid" role="radiogroup" aria-label="选择村（社区）">
          {list.map((unit) => (
            <Option
              key={unit.id}
              label={unit.name}
              testId="picker-village"
              unitId={unit.id}
              selected={value?.village?.id === unit.id}
              onClick={() => onPick(town, ref(unit))}
            />
          ))}
        </View>
      ) : null}
      {villages.view.kind === 'ok' ? (
        <View
          className="village-picker__town-only"
          role="button"
          data-testid="picker-town-only"
          hoverClass="village-picker__back--pressed"
          onClick={() => onPick(town, null)}
        >
          <Text>{list.length === 0 ? `选择${town.name}` : `不确定是哪个村？只选${town.name}`}</Text>
        </View>
      ) : null}
    </View>
  );
}

interface OptionProps {
  label: string;
  testId: string;
  unitId: number;
  selected: boolean;
  onClick: () => void;
}

function Option({ label, testId, unitId, selected, onClick }: OptionProps) {
  return (
    <View
      className={`village-picker__option ${selected ? 'village-picker__option--selected' : ''}`}
      role="radio"
      aria-checked={selected}
      data-testid={testId}
      data-unit-id={String(unitId)}
      data-selected={selected ? 'true' : 'false'}
      hoverClass="village-picker__option--pressed"
      onClick={onClick}
    >
      <Text>{label}</Text>
    </View>
  );
}

function PickerError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="village-picker__error" role="alert">
      <Text className="village-picker__error-text">列表没有加载出来：{message}</Text>
      <Button className="btn btn-primary village-picker__retry" onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

interface VillagePickerSheetProps extends VillagePickerProps {
  onClose: () => void;
  /** On a tab page: H5 draws its tab bar over the page, so the sheet stops above it. */
  overTabBar?: boolean;
}

/** The picker as a bottom sheet over the page (更换我的村). */
export function VillagePickerSheet({ value, onPick, onClose, overTabBar = false }: VillagePickerSheetProps) {
  return (
    <BottomSheet
      title="您住在哪个村（社区）？"
      label="选择我的村"
      testId="village-sheet"
      closeTestId="village-sheet-close"
      onClose={onClose}
      overTabBar={overTabBar}
      scroll
    >
      <VillagePicker value={value} onPick={onPick} />
    </BottomSheet>
  );
}
