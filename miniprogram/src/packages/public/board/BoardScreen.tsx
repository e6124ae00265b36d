/**
 * 实绩公示栏: the preview of a unit's printed weekly board — the week picker (上一周 / 下一周), each
 * official's published week in short lines (请假, 未报送 and 待公示 in words), next week's plan, the
 * resolved tickets and the current flag — and 下载PDF, the A4 poster to print.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { BOARD_DAY_MARKS, type BoardOfficial, type UnitBoard } from '@jinri/shared';
import { useState } from 'react';

import { downloadBoardPdf, getBoard } from '@/api/boards.api';
import { toApiError } from '@/api/request';
import { FlagBadge } from '@/components/FlagBadge';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { useLoad } from '@/hooks/useLoad';
import { onlyIf } from '@/utils/props';
import { shortDate } from '../links';

/** "2026年第48周（11月23日—11月29日）" */
export function boardWeekText(board: Pick<UnitBoard, 'week' | 'from' | 'to'>): string {
  const [year, week] = board.week.split('-W');
  return `${year}年第${Number(week)}周（${shortDate(board.from)}—${shortDate(board.to)}）`;
}

/** "实绩公示栏-青石镇-2026年第48周.pdf", as the server names it (used when the header is unreadable). */
export function boardFileName(board: Pick<UnitBoard, 'unit' | 'week'>): string {
  const [year, week] = board.week.split('-W');
  return `实绩公示栏-${board.unit.name}-${year}年第${Number(week)}周.pdf`;
}

export function BoardScreen({ unitId, initialWeek }: { unitId: number; initialWeek?: string }) {
  const [week, setWeek] = useState<string | undefined>(initialWeek);
  const [downloading, setDownloading] = useState(false);
  const load = useLoad(`board|${unitId}|${week ?? ''}`, () => getBoard(unitId, week));
  usePullDownRefresh(() => {
    void load.refresh().finally(() => Taro.stopPullDownRefresh());
  });

  if (load.view.kind === 'loading') return <LoadingCard text="正在读取公示栏…" />;
  if (load.view.kind === 'error')
    return <ErrorCard error={load.view.error} onRetry={load.retry} title="公示栏读取失败" />;
  const board = load.view.data;

  const downloadPdf = async () => {
    if (downloading) return;
    setDownloading(true);
    try {
      await downloadBoardPdf(unitId, board.week, boardFileName(board));
      if (process.env.TARO_ENV === 'h5') void Taro.showToast({ title: '公示栏已下载', icon: 'success' });
    } catch (error) {
      void Taro.showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <View data-testid="board" data-week={board.week}>
      <View className="card board-head">
        <View className="st-item__head">
          <Text className="st-card-title st-grow" data-testid="board-unit">
            {board.unit.name}
          </Text>
          {board.flag ? <FlagBadge color={board.flag.color} period={board.flag} testId="board-flag" /> : null}
        </View>
        <Text className="board-head__week" data-testid="board-week">
          {boardWeekText(board)}
        </Text>
        <Text className="st-hint" data-testid="board-resolved">
          本周办结工单 {board.resolvedTickets} 件 · 公示干部 {board.officials.length} 人
        </Text>
        <View className="board-weeks">
          <Button
            className="btn btn-secondary"
            data-testid="board-previous"
            onClick={() => setWeek(board.previousWeek)}
          >
            上一周
          </Button>
          <Button
            className={`btn btn-secondary ${board.nextWeek ? '' : 'btn-disabled'}`}
            disabled={onlyIf(board.nextWeek === null)}
            data-testid="board-next"
            onClick={() => board.nextWeek && setWeek(board.nextWeek)}
          >
            下一周
          </Button>
        </View>
        <Button
          className={`btn btn-primary btn-block ${downloading ? 'btn-disabled' : ''}`}
          disabled={onlyIf(downloading)}
          data-testid="board-pdf"
          onClick={() => void downloadPdf()}
        >
          {downloading ? '正在生成PDF…' : '下载PDF'}
        </Button>
        <Text className="st-hint">A4 纸竖版，黑白打印即可；二维码通往本单位页面。</Text>
      </View>

      {board.officials.length === 0 ? (
        <View className="card">
          <Text className="st-hint">这一周本单位没有登记干部。</Text>
        </View>
      ) : null}
      {board.officials.map((official) => (
        <OfficialCard key={official.id} official={official} board={board} />
      ))}
    </View>
  );
}

function OfficialCard({ official, board }: { official: BoardOfficial; board: UnitBoard }) {
  return (
    <View className="card board-official" data-testid="board-official" data-official-id={String(official.id)}>
      <View className="st-item__head">
        <Text className="board-official__name">{official.name}</Text>
        <Text className="board-official__title st-grow">{official.title}</Text>
        <Text className="board-official__count">办结工单 {official.resolvedTickets} 件</Text>
      </View>
      {official.days.map((day, i) => (
        <View key={day.date} className="board-row" data-testid="board-day" data-status={day.status}>
          <Text className="board-row__label">{board.days[i]?.label ?? ''}</Text>
          <View className="board-row__lines">
            {day.status === 'published' ? (
              day.lines.map((line, j) => (
                <Text key={j} className="board-row__line">
                  {line}
                </Text>
              ))
            ) : (
              <Text className={`board-row__line board-mark board-mark--${day.status}`}>
                {BOARD_DAY_MARKS[day.status]}
              </Text>
            )}
          </View>
        </View>
      ))}
      <View className="board-row board-row--next" data-testid="board-next-week">
        <Text className="board-row__label">下周</Text>
        <View className="board-row__lines">
          {official.nextWeek.lines.length === 0 ? (
            <Text className="board-row__line board-mark">暂无</Text>
          ) : (
            official.nextWeek.lines.map((line, j) => (
              <Text key={j} className="board-row__line">
                {line}
              </Text>
            ))
          )}
        </View>
      </View>
    </View>
  );
}
