import type { NoticeView } from '@jinri/shared';
import JSZip from 'jszip';
import { noticeDocx, noticeFilename, numeral } from './notice-docx';

const notice = (over: Partial<NoticeView> = {}): NoticeView => ({
  id: 1,
  state: 'issued',
  number: '督通字〔2026〕1号',
  year: 2026,
  unit: { id: 1, name: '岚川县' },
  periodFrom: '2026-11-23',
  periodTo: '2026-12-04',
  title: '关于2026年11月23日至12月4日今日工作督查情况的通报',
  preface: '现将有关情况通报如下：',
  facts: [
    {
      unit: { id: 7, name: '白石镇' },
      people: [
        {
          official: { id: 21, name: '李明', post: '副镇长' },
          findings: [
            { id: 5, date: '2026-11-24', kind: 'vague', text: '11月24日 日程内容笼统（“日常工作”）' },
          ],
        },
      ],
    },
  ],
  requirement: '请被通报的同志于印发之日起3个工作日内向县委督查室提交书面检查。',
  selfExamWorkingDays: 3,
  issuer: '中共岚川县委督查室',
  issueDate: '2026-12-04',
  issuedAt: '2026-12-04T02:00:00.000Z',
  findingIds: [5],
  version: 2,
  createdAt: '2026-12-04T01:00:00.000Z',
  ...over,
});

/** The text of word/document.xml (the runs joined, tags dropped). */
async function documentText(file: Buffer): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { xml, text: xml.replace(/<[^>]+>/g, '') };
}

describe('noticeDocx', () => {
  it('builds a Word document with the title, the number, the facts by unit and person, and the issuer', async () => {
    const sut = await noticeDocx(notice());
    expect(sut.subarray(0, 2).toString()).toBe('PK');
    const { xml, text } = await documentText(sut);
    expect(text).toContain('关于2026年11月23日至12月4日今日工作督查情况的通报');
    expect(text).toContain('督通字〔2026〕1号');
    expect(text).toContain('各乡镇、县直各单位：');
    expect(text).toContain('一、白石镇');
    expect(text).toContain('李明（副镇长）：11月24日 日程内容笼统（“日常工作”）。');
    expect(text).toContain('中共岚川县委督查室');
    expect(text).toContain('2026年12月4日');
    expect(text).not.toContain('征求意见稿');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:jc w:val="right"');
  });

  it('marks a draft 征求意见稿 and leaves its number to the issue', async () => {
    const { text } = await documentText(
      await noticeDocx(notice({ state: 'draft', number: null, issuedAt: null })),
    );
    expect(text).toContain('征求意见稿（草稿）');
    expect(text).toContain('（印发时编号）');
  });
});

describe('noticeFilename', () => {
  it('names the file by number and title, a draft as 草稿, without characters a file name cannot hold', () => {
    expect(noticeFilename({ number: '督通字〔2026〕1号', title: '关于督查情况的通报' })).toBe(
      '督通字〔2026〕1号 关于督查情况的通报.docx',
    );
    expect(noticeFilename({ number: null, title: '关于A/B的通报' })).toBe('（草稿）关于AB的通报.docx');
  });
});

describe('numeral', () => {
  it('counts headings in Chinese numerals', () => {
    expect([0, 9, 10, 19, 20, 23].map(numeral)).toEqual(['一', '十', '十一', '二十', '二十一', '二十四']);
  });
});
