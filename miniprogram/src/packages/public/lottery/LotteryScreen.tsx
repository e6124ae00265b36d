/**
 * One lottery (抽签晒): the commitment and when it was published; once revealed, the seed, the
 * drawn journals (tap → the official's days) and the whole candidate list (a page at a time); and
 * 如何验证 — how anyone recomputes the draw with docs/verify-lottery.mjs.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { LOTTERY_STATE_LABELS, type LotteryCandidateView, type LotteryView } from '@jinri/shared';
import { useState } from 'react';

import { getLottery, lotteryJsonUrl } from '@/api/lotteries.api';
import { Chip } from '@/components/Chip';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { useLoad } from '@/hooks/useLoad';
import { formatStamp } from '@/utils/date';
import { officialUrl, shortDate, weekText } from '../links';

/** Candidates shown at first and added per 显示更多. */
export const CANDIDATES_STEP = 20;

export function LotteryScreen({ id }: { id: number }) {
  const load = useLoad(`lottery|${id}`, () => getLottery(id));
  usePullDownRefresh(() => {
    void load.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  if (load.view.kind === 'loading') return <LoadingCard text="正在读取抽签…" />;
  if (load.view.kind === 'error')
    return <ErrorCard error={load.view.error} onRetry={load.retry} title="抽签读取失败" />;
  const lottery = load.view.data;
  const revealed = lottery.state === 'drawn';
  return (
    <View data-testid="lottery" data-state={lottery.state}>
      <View className="card">
        <View className="st-item__head">
          <Text className="st-item__title st-grow">{weekText(lottery.week)}</Text>
          <Chip tone={revealed ? 'success' : 'info'}>{LOTTERY_STATE_LABELS[lottery.state]}</Chip>
        </View>
        <Text className="st-item__meta">
          {lottery.unit.name} · 每周抽取 {lottery.drawSize} 篇
        </Text>
      </View>

      <View className="card" data-testid="lottery-commitment">
        <Text className="st-card-title">承诺码（种子的 SHA-256）</Text>
        <Text className="lottery-mono" userSelect>
          {lottery.commitment}
        </Text>
        <Text className="st-item__meta">公布于 {formatStamp(lottery.committedAt)}</Text>
        {revealed ? null : (
          <Text className="st-hint" data-testid="lottery-pending">
            种子保密中，将于 {formatStamp(lottery.revealDueAt)} 公开，届时公布本周候选名单和抽签结果。
          </Text>
        )}
      </View>

      {revealed ? (
        <>
          <View className="card" data-testid="lottery-seed">
            <Text className="st-card-title">种子</Text>
            <Text className="lottery-mono" userSelect>
              {lottery.seed}
            </Text>
            <Text className="st-item__meta">公开于 {formatStamp(lottery.revealedAt!)}</Text>
          </View>
          <Drawn lottery={lottery} />
          <Candidates candidates={lottery.candidates} />
        </>
      ) : null}

      <HowToVerify lottery={lottery} />
    </View>
  );
}

function Drawn({ lottery }: { lottery: LotteryView }) {
  return (
    <View className="card" data-testid="lottery-drawn">
      <Text className="st-card-title">抽中的日志（{lottery.drawn.length} 篇）</Text>
      {lottery.drawn.length === 0 ? <Text className="st-hint">本周没有已公示的日志。</Text> : null}
      {lottery.drawn.map((d) => (
        <View
          key={d.key}
          className="st-item"
          role="button"
          data-testid="drawn-row"
          data-official-id={String(d.official.id)}
          onClick={() => void Taro.navigateTo({ url: officialUrl(d.official.id) })}
        >
          <View className="st-item__head">
            <Text className="st-item__title st-grow">
              {d.rank}. {d.official.name} · {shortDate(d.date)}
            </Text>
            <Chip tone="warning">抽中</Chip>
          </View>
          <Text className="st-item__meta">{d.unitName} · 查看当天日志 ›</Text>
        </View>
      ))}
    </View>
  );
}

function Candidates({ candidates }: { candidates: LotteryCandidateView[] }) {
  const [shown, setShown] = useState(CANDIDATES_STEP);
  return (
    <View className="card" data-testid="lottery-candidates">
      <Text className="st-card-title">候选名单（共 {candidates.length} 篇）</Text>
      <Text className="st-hint">本周全县已公示的日志，按日期、编号排列，开签时冻结。</Text>
      {candidates.slice(0, shown).map((c) => (
        <Text key={c.key} className="st-item__meta" data-testid="candidate-row">
          {shortDate(c.date)} · {c.official.name} · {c.unitName} · 编号 {c.key}
        </Text>
      ))}
      {shown < candidates.length ? (
        <Button
          className="btn btn-secondary btn-block"
          data-testid="candidates-more"
          onClick={() => setShown((n) => n + CANDIDATES_STEP)}
        >
          显示更多（还有 {candidates.length - shown} 篇）
        </Button>
      ) : null}
    </View>
  );
}

/** The address to give the script: absolute, so it can be run anywhere. */
function jsonAddress(id: number): string {
  const url = lotteryJsonUrl(id);
  return url.startsWith('/') && typeof location !== 'undefined' ? `${location.origin}${url}` : url;
}

function HowToVerify({ lottery }: { lottery: LotteryView }) {
  const command = `node docs/verify-lottery.mjs ${jsonAddress(lottery.id)}`;
  return (
    <View className="card" data-testid="lottery-verify">
      <Text className="st-card-title">如何验证</Text>
      <Text className="st-hint">
        1. 周一先公布承诺码：它是种子的“指纹”，种子一旦定下就改不了，也无法从承诺码倒推出种子。
      </Text>
      <Text className="st-hint">
        2. 一周结束后公开种子。任何人都可以计算种子的 SHA-256，看它是否等于承诺码。
      </Text>
      <Text className="st-hint">
        3. 每篇候选日志有一个编号（日程号:日期:干部号）。把“种子:编号”做 SHA-256，结果最小的{' '}
        {lottery.drawSize} 篇就是抽中的日志。谁也没法提前挑选。
      </Text>
      <Text className="st-hint">4. 在电脑上安装 Node.js，下载本项目 docs 目录中的脚本，运行：</Text>
      <Text className="lottery-mono" userSelect data-testid="verify-command">
        {command}
      </Text>
      <Text className="st-hint">脚本会重新计算并显示“VERIFIED”（一致）或“MISMATCH”（不一致）。</Text>
      <Button
        className="btn btn-secondary btn-block"
        data-testid="verify-copy"
        onClick={() =>
          void Taro.setClipboardData({ data: command }).then(
            () => undefined,
            () => undefined,
          )
        }
      >
        复制命令
      </Button>
    </View>
  );
}
