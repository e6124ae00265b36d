/**
 * A notice laid out like the paper form: the red header, the number centred under it, a red rule,
 * the title, the body (preface, the facts by unit and person, the requirement), and the issuer and
 * date on the right. The same view on the phone and on paper (index.css has the print rules: only
 * this sheet is printed).
 */
import { Text, View } from '@tarojs/components';
import type { NoticeView } from '@jinri/shared';

import { numberLine, paperDate, periodText, personLine, selfExamSentence, unitHeading } from './format';

export const NOTICE_HEADER = '督查通报';

/** Paragraphs of a text field (blank lines and line breaks both split). */
function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function NoticePaper({ notice }: { notice: NoticeView }) {
  const selfExam = selfExamSentence(notice.selfExamWorkingDays);
  return (
    <View className="notice-paper" data-testid="notice-paper" data-state={notice.state}>
      <Text className="notice-paper__header">{NOTICE_HEADER}</Text>
      <Text className="notice-paper__number" data-testid="notice-paper-number">
        {numberLine(notice)}
      </Text>
      <View className="notice-paper__rule" />
      <Text className="notice-paper__title" data-testid="notice-paper-title">
        {notice.title}
      </Text>
      {paragraphs(notice.preface).map((p, i) => (
        <Text key={`p${i}`} className="notice-paper__para">
          {p}
        </Text>
      ))}
      {notice.facts.length === 0 ? (
        <Text className="notice-paper__para notice-paper__empty">
          （{periodText(notice.periodFrom, notice.periodTo)}没有引用督查记录）
        </Text>
      ) : (
        notice.facts.map((fact, i) => (
          <View key={fact.unit.id} className="notice-paper__unit" data-testid="notice-paper-unit">
            <Text className="notice-paper__heading">{unitHeading(i, fact)}</Text>
            {fact.people.map((person) => (
              <Text key={person.official.id} className="notice-paper__para" data-testid="notice-paper-person">
                {personLine(person)}
              </Text>
            ))}
          </View>
        ))
      )}
      {paragraphs(notice.requirement).map((p, i) => (
        <Text key={`r${i}`} className="notice-paper__para">
          {p}
        </Text>
      ))}
      {selfExam ? (
        <Text className="notice-paper__para" data-testid="notice-paper-self-exam">
          {selfExam}
        </Text>
      ) : null}
      <View className="notice-paper__sign">
        <Text className="notice-paper__issuer" data-testid="notice-paper-issuer">
          {notice.issuer}
        </Text>
        <Text className="notice-paper__date" data-testid="notice-paper-date">
          {paperDate(notice.issueDate)}
        </Text>
      </View>
    </View>
  );
}
