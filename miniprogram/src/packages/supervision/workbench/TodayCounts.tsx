/**
 * 今日问题: what the morning check found for the day, per kind over the scope (a chip each) and per
 * unit (rows with their kinds). Every number opens the findings it counted. Units with nothing are
 * folded into one line, so the rows that need attention come first.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { FINDING_KIND_LABELS, FINDING_KINDS, type FindingKind, type SupervisionSummary } from '@jinri/shared';

import { supervisionUrls } from './links';

function open(url: string) {
  void Taro.navigateTo({ url }).catch(() => undefined);
}

/** Kinds with a count, in the product's order. */
export function kindsOf(counts: Partial<Record<FindingKind, number>>): Array<[FindingKind, number]> {
  return FINDING_KINDS.filter((k) => (counts[k] ?? 0) > 0).map((k) => [k, counts[k]!]);
}

export function TodayCounts({ summary }: { summary: SupervisionSummary }) {
  const date = summary.date;
  const totals = kindsOf(summary.totals);
  const withFindings = summary.units.filter((u) => u.total > 0).sort((a, b) => b.total - a.total);
  const clean = summary.units.length - withFindings.length;
  if (totals.length === 0)
    return (
      <Text className="st-hint" data-testid="today-none">
        今天辖区内没有发现问题。
      </Text>
    );
  return (
    <View data-testid="today-counts">
      <View className="sv-kinds">
        {totals.map(([kind, n]) => (
          <View
            key={kind}
            className="sv-kind"
            role="button"
            data-testid="today-kind"
            data-kind={kind}
            onClick={() => open(supervisionUrls.findings({ kind, date }))}
          >
            <Text className="sv-kind__n">{n}</Text>
            <Text className="sv-kind__label">{FINDING_KIND_LABELS[kind]}</Text>
          </View>
        ))}
      </View>
      {withFindings.map((row) => (
        <View key={row.unit.id} className="sv-unit" data-testid="today-unit" data-unit={row.unit.id}>
          <View
            className="sv-unit__head"
            role="button"
            data-testid="today-unit-open"
            onClick={() =>
              open(supervisionUrls.findings({ unitId: row.unit.id, unitName: row.unit.name, date }))
            }
          >
            <Text className="sv-unit__name">{row.unit.name}</Text>
            <Text className="sv-unit__total">{row.total} 条 ›</Text>
          </View>
          <View className="sv-unit__kinds">
            {kindsOf(row.counts).map(([kind, n]) => (
              <View
                key={kind}
                className="sv-unit__kind"
                role="button"
                data-testid="today-unit-kind"
                data-kind={kind}
                onClick={() =>
                  open(supervisionUrls.findings({ unitId: row.unit.id, unitName: row.unit.name, kind, date }))
                }
              >
                <Text>
                  {FINDING_KIND_LABELS[kind]} {n}
                </Text>
              </View>
            ))}
          </View>
        </View>
      ))}
      {clean > 0 ? (
        <Text className="st-hint" data-testid="today-clean">
          其余 {clean} 个单位今天没有问题。
        </Text>
      ) : null}
    </View>
  );
}
