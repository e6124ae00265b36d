import { Text, View } from '@tarojs/components';
import type { UnitChildrenResponse } from '@jinri/shared';
import { useState } from 'react';

export const COUNTY_LEADERS_LABEL = '全县领导';

interface UnitPickerProps {
  tree: UnitChildrenResponse;
  selectedId: number | null;
  onSelect: (unitId: number) => void;
}

/**
 * Which unit's officials to show: the towns and streets as big chips, then 全县领导 (the county
 * itself) and 县直部门, which opens the departments. Once one is chosen the list folds away and the
 * chip shows the department's name.
 */
export function UnitPicker({ tree, selectedId, onSelect }: UnitPickerProps) {
  const towns = tree.children.filter((u) => u.kind === 'town');
  const departments = tree.children.filter((u) => u.kind !== 'town' && u.kind !== 'village');
  const chosenDepartment = departments.find((u) => u.id === selectedId) ?? null;
  const [departmentsOpen, setDepartmentsOpen] = useState(false);
  const moreLabel = departmentsOpen ? '县直部门' : (chosenDepartment?.name ?? '县直部门');

  const selectDepartment = (unitId: number) => {
    setDepartmentsOpen(false);
    onSelect(unitId);
  };

  return (
    <View className="unit-picker" data-testid="unit-picker" role="radiogroup" aria-label="选择单位">
      <View className="unit-picker__row">
        {towns.map((unit) => (
          <UnitChip
            key={unit.id}
            id={unit.id}
            label={unit.name}
            selectedId={selectedId}
            onSelect={onSelect}
          />
        ))}
        <UnitChip
          id={tree.unit.id}
          label={COUNTY_LEADERS_LABEL}
          selectedId={selectedId}
          onSelect={onSelect}
        />
        {departments.length > 0 ? (
          <View
            className={`unit-chip unit-chip--more ${chosenDepartment ? 'unit-chip--selected' : ''}`}
            role="button"
            aria-expanded={departmentsOpen}
            data-testid="unit-more"
            data-open={departmentsOpen ? 'true' : 'false'}
            onClick={() => setDepartmentsOpen((open) => !open)}
          >
            <Text>
              {moreLabel} {departmentsOpen ? '▴' : '▾'}
            </Text>
          </View>
        ) : null}
      </View>
      {departmentsOpen ? (
        <View className="unit-picker__row unit-picker__row--departments" data-testid="unit-departments">
          {departments.map((unit) => (
            <UnitChip
              key={unit.id}
              id={unit.id}
              label={unit.name}
              selectedId={selectedId}
              onSelect={selectDepartment}
            />
          ))}
        </View>
      ) : null}
    </View>
  );
}

interface UnitChipProps {
  id: number;
  label: string;
  selectedId: number | null;
  onSelect: (unitId: number) => void;
}

function UnitChip({ id, label, selectedId, onSelect }: UnitChipProps) {
  const selected = id === selectedId;
  return (
    <View
      className={`unit-chip ${selected ? 'unit-chip--selected' : ''}`}
      role="radio"
      aria-checked={selected}
      data-testid="unit-chip"
      data-unit-id={String(id)}
      data-selected={selected ? 'true' : 'false'}
      onClick={() => {
        if (!selected) onSelect(id);
      }}
    >
      <Text>{label}</Text>
    </View>
  );
}
