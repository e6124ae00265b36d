import { Text, View } from '@tarojs/components';
import type { WeeklyReportView } from '@jinri/shared';

import { addDays, formatMonthDay } from '@/utils/date';

/** 工作周报: what was achieved in a week and the plan for the next, newest first. */
export function WeeklyReports({ reports }: { reports: readonly WeeklyReportView[] }) {
  const sorted = [...reports].sort((a, b) => (a.weekStart < b.weekStart ? 1 : -1));
  return (
    <View className="card" data-testid="weekly-reports">
      <Text className="official-section__title">工作周报</Text>
      {sorted.map((report) => (
        <View key={report.weekStart} className="weekly" data-testid="weekly-report">
          <View className="weekly__head">
            <Text className="weekly__range">
              {formatMonthDay(report.weekStart)}—{formatMonthDay(addDays(report.weekStart, 6))}
            </Text>
            {report.late ? <Text className="weekly__late">逾期提交</Text> : null}
          </View>
          <Text className="weekly__label">工作成效</Text>
          <Text className="weekly__text">{report.results}</Text>
          {report.nextWeekPlan ? (
            <>
              <Text className="weekly__label">下周计划</Text>
              <Text className="weekly__text">{report.nextWeekPlan}</Text>
            </>
          ) : null}
        </View>
      ))}
    </View>
  );
}
