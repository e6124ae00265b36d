import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';

import { issueConfirmText } from './format';
import { NOTICE_HEADER, NoticePaper } from './NoticePaper';
import { noticeFixture } from './fixtures';

describe('NoticePaper', () => {
  it('lays an issued notice out like the paper form', () => {
    render(<NoticePaper notice={noticeFixture()} />);
    const paper = screen.getByTestId('notice-paper');
    expect(paper.textContent?.startsWith(NOTICE_HEADER)).toBe(true);
    expect(paper.querySelector('.notice-paper__header')?.textContent).toBe('督查通报');
    expect(screen.getByTestId('notice-paper-number').className).toContain('notice-paper__number');
    expect(screen.getByTestId('notice-paper-number').textContent).toBe('督通字〔2026〕3号');
    expect(screen.getByTestId('notice-paper-title').textContent).toBe(noticeFixture().title);
    expect(screen.getAllByTestId('notice-paper-unit').map((u) => u.firstChild?.textContent)).toEqual([
      '一、城关镇',
      '二、河口乡',
    ]);
    expect(screen.getAllByTestId('notice-paper-person')).toHaveLength(2);
    expect(screen.getByTestId('notice-paper-self-exam').textContent).toContain('3个工作日内');
    expect(screen.getByTestId('notice-paper-issuer').textContent).toBe('县委县政府督查室');
    expect(screen.getByTestId('notice-paper-date').textContent).toBe('2026年12月7日');
  });

  it('keeps the body in order: preface, facts, requirement, then the signature', () => {
    render(<NoticePaper notice={noticeFixture()} />);
    const text = screen.getByTestId('notice-paper').textContent ?? '';
    const order = [
      '近期，督查室',
      '一、城关镇',
      '二、河口乡',
      '各单位要严格',
      '县委县政府督查室',
      '2026年12月7日',
    ].map((part) => text.indexOf(part));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('shows a draft without a number and without a self-examination line when none is asked', () => {
    render(<NoticePaper notice={noticeFixture({ state: 'draft', number: null, selfExamWorkingDays: 0 })} />);
    expect(screen.getByTestId('notice-paper').getAttribute('data-state')).toBe('draft');
    expect(screen.getByTestId('notice-paper-number').textContent).toBe('（印发时编号）');
    expect(screen.queryByTestId('notice-paper-self-exam')).toBeNull();
  });
});

describe('issueConfirmText', () => {
  it('says the number it will take, that it cannot be undone, and who must self-examine', () => {
    const text = issueConfirmText(
      noticeFixture({ state: 'draft', number: null, nextNumber: '督通字〔2026〕4号' }),
    );
    expect(text).toContain('编号为 督通字〔2026〕4号');
    expect(text).toContain('引用 3 条督查记录');
    expect(text).toContain('不能修改或撤回');
    expect(text).toContain('被通报的 2 人需在 3 个工作日内提交书面检查');
  });

  it('still warns when the server does not say the number', () => {
    expect(issueConfirmText(noticeFixture({ state: 'draft', number: null, selfExamWorkingDays: 0 }))).toBe(
      '本通报将按年度顺序编号，引用 3 条督查记录。印发后不能修改或撤回。',
    );
  });
});
