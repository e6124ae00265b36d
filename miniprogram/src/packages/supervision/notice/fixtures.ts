/** A notice as the API shows it, for the specs of this page. */
import type { NoticeDetail } from '@jinri/shared';

export function noticeFixture(overrides: Partial<NoticeDetail> = {}): NoticeDetail {
  return {
    id: 7,
    state: 'issued',
    number: '督通字〔2026〕3号',
    year: 2026,
    unit: { id: 1, name: '示范县' },
    periodFrom: '2026-11-30',
    periodTo: '2026-12-04',
    title: '关于11月30日至12月4日工作日程督查情况的通报',
    preface: '近期，督查室对各单位干部工作日程报送情况进行了督查。\n现将有关情况通报如下：',
    facts: [
      {
        unit: { id: 2, name: '城关镇' },
        people: [
          {
            official: { id: 11, name: '张三', post: '副镇长' },
            findings: [
              { id: 101, date: '2026-12-01', kind: 'late', text: '12月1日 日程迟报（晚1小时10分）' },
              { id: 102, date: '2026-12-02', kind: 'vague', text: '12月2日 日程内容笼统（“下村”）' },
            ],
          },
        ],
      },
      {
        unit: { id: 3, name: '河口乡' },
        people: [
          {
            official: { id: 12, name: '李四', post: '乡长' },
            findings: [
              {
                id: 103,
                date: '2026-12-03',
                kind: 'absent',
                text: '12月3日 抽查时不在岗（日程为“到石桥村走访”）',
              },
            ],
          },
        ],
      },
    ],
    requirement: '各单位要严格落实日程公开制度。',
    selfExamWorkingDays: 3,
    issuer: '县委县政府督查室',
    issueDate: '2026-12-07',
    issuedAt: '2026-12-07T02:00:00.000Z',
    findingIds: [101, 102, 103],
    version: 2,
    createdAt: '2026-12-07T01:00:00.000Z',
    selfExaminations: [],
    events: [],
    ...overrides,
  };
}
