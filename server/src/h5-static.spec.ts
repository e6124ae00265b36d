import type { UnitChildrenResponse } from '@jinri/shared';
import { acceptedEncodings, indexWithBootData, withFirstScreen } from './h5-static';
import type { DirectoryService } from './modules/directory/directory.service';
import type { TodayService } from './modules/journals/today.service';

const HTML =
  '<!doctype html><html><head><title>今日工作</title></head><body><div id="app"></div></body></html>';

const units = {
  unit: { id: 1, name: '岚川县', kind: 'county', parentId: null },
  ancestors: [],
  children: [
    { id: 2, name: '县委办公室', kind: 'office', parentId: 1, childCount: 0 },
    { id: 3, name: '城关街道', kind: 'town', parentId: 1, childCount: 9 },
  ],
} as unknown as UnitChildrenResponse;

function services(todayBody: object, fail = false) {
  const asked: number[] = [];
  const directory = {
    unitChildren: () => (fail ? Promise.reject(new Error('down')) : Promise.resolve(units)),
  } as unknown as DirectoryService;
  const today = {
    today: (unitId: number) => {
      asked.push(unitId);
      return Promise.resolve({
        etag: '"x"',
        body: Buffer.from(JSON.stringify(todayBody)),
        gzip: Buffer.alloc(0),
      });
    },
  } as unknown as TodayService;
  return { directory, today, asked };
}

function bootOf(html: string): {
  at: number;
  units: unknown;
  today: { unitId: number; date: string; data: unknown };
} {
  const json = /<script id="jinri-boot" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  return JSON.parse(json!) as never;
}

describe('index.html with the first screen data', () => {
  it("carries the county's units and today's plans of its first town, in the head", async () => {
    const { directory, today, asked } = services({ date: '2026-12-07', plans: [] });
    const sut = await indexWithBootData(HTML, directory, today);
    expect(asked).toEqual([3]);
    expect(sut.indexOf('jinri-boot')).toBeLessThan(sut.indexOf('</head>'));
    const boot = bootOf(sut);
    expect(boot.units).toEqual(units);
    expect(boot.today).toEqual({ unitId: 3, date: '2026-12-07', data: { date: '2026-12-07', plans: [] } });
    expect(Math.abs(Date.now() - boot.at)).toBeLessThan(5_000);
  });

  it('cannot be closed early by a name that contains </script>', async () => {
    const { directory, today } = services({ date: '2026-12-07', note: '</script><script>alert(1)</script>' });
    const sut = await indexWithBootData(HTML, directory, today);
    expect(sut.match(/<\/script>/g)).toHaveLength(1);
    expect(bootOf(sut).today.data).toEqual({
      date: '2026-12-07',
      note: '</script><script>alert(1)</script>',
    });
  });

  it('is the page as built when the data cannot be read', async () => {
    const { directory, today } = services({}, true);
    expect(await indexWithBootData(HTML, directory, today)).toBe(HTML);
  });
});

describe('the codings a client accepts', () => {
  it('reads the list, leaving out those refused with q=0', () => {
    expect([...acceptedEncodings('gzip, deflate, br;q=0')]).toEqual(['gzip', 'deflate']);
    expect([...acceptedEncodings('br;q=0.5, gzip')]).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});

describe('the static first screen in the page', () => {
  const built =
    '<html><head><title>今日工作</title><link rel="preload" href="/css/9.css" as="style"><link href="/css/app.1.css" rel="stylesheet"></head><body><div id="app"></div></body></html>';

  it("goes just before the app's mount point", () => {
    const sut = withFirstScreen(built, '<!--fs--><main>今日</main>');
    expect(sut).toBe(built.replace('<div id="app">', '<!--fs--><main>今日</main><div id="app">'));
  });

  it('leaves the page as built without one', () => {
    expect(withFirstScreen(built, null)).toBe(built);
  });

  it('is in the page served with the data, when the data can be read', async () => {
    const { directory, today } = services({
      date: '2026-12-07',
      day: { date: '2026-12-07', isWorkday: true, name: null, nextWorkday: '2026-12-08' },
      unit: { id: 3, name: '城关街道', kind: 'town' },
      plans: [],
    });
    const sut = await indexWithBootData(HTML, directory, today);
    expect(sut.indexOf('data-first-screen="static"')).toBeLessThan(sut.indexOf('<div id="app">'));
    expect(sut).toContain('城关街道暂未登记干部');
  });
});
