// The generated jurisdiction of findings.bench.mjs: a county with towns of 50 officials each, one post
// and membership per official, and two weeks (10 working days) of plans with their entries, written
// straight into a freshly migrated MySQL/MariaDB database with multi-row INSERTs.
//
// Per official and working day (seeded, so every run writes the same rows):
// - on approved leave (about 2 % of officials take 1–3 days): no plan;
// - missing (3 %): no plan;
// - late (3 %): published, `late`, submitted on the morning of the day;
// - otherwise published on time (submitted at 17:00 the day before), with BENCH_ENTRIES entries
//   (default 3–5) that name a place and a concrete matter, none alike within the official's fortnight;
// - vague (5 % of plans): one entry says nothing concrete ("开会", "日常工作" …);
// - repeated (5 % of plans after the first day): one entry is the previous working day's entry with a
//   small edit, same place.
// Every published plan has its published PlanRevision snapshot, as the publication job writes it.
import { fromDist } from './lib.mjs';

const { mulberry32 } = fromDist('common/random.js');

export const OFFICIALS_PER_UNIT = 50;

/** Two weeks of working days without holidays (Mon 16 – Fri 27 November 2026). */
export const DATES = [
  '2026-11-16',
  '2026-11-17',
  '2026-11-18',
  '2026-11-19',
  '2026-11-20',
  '2026-11-23',
  '2026-11-24',
  '2026-11-25',
  '2026-11-26',
  '2026-11-27',
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕'.split('');
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宁辉鹏海燕林飞波晨浩宇'.split('');
const TITLES = [
  '党委书记',
  '镇长',
  '党委副书记',
  '副镇长',
  '人大主席',
  '纪委书记',
  '组织委员',
  '宣传委员',
  '武装部长',
  '民政办主任',
];
export const VILLAGES =
  '魏庄 柳林 桃园 白马 金沙 青石 临河 北山 南湖 东城 西岗 李寨 王楼 张湾 石桥 杨集 孙店 高庄 陈营 新河 枣林 苇塘 双井 黄岗 马坊 赵屯 刘集 周口 吴堡 郑庄'.split(
    ' ',
  );
export const SUFFIXES = ['村', '社区', '村委会', '村便民服务站'];
/** Concrete matters, worded apart so that no two of them read as near-copies. */
export const MATTERS = [
  ['核对低保户家庭收入和赡养人情况，整理复审台账', '下村/实地'],
  ['协调安置房二期用地补偿，约见三户未签约群众', '下村/实地'],
  ['查看秸秆禁烧网格责任落实，抽看值守登记簿', '督导检查'],
  ['听取冬季森林防火隐患排查汇报，确定整改期限', '会议'],
  ['接待反映宅基地界址纠纷的两户村民，现场丈量', '接访/接待'],
  ['跟踪高标准农田水渠硬化工程量，核对监理日志', '下村/实地'],
  ['复核危房改造对象名单，逐户拍照留档', '下村/实地'],
  ['组织残疾人两项补贴年审材料收取，登记缺件', '办公室坐班'],
  ['研究村集体经济合作社分红方案，征求党员意见', '会议'],
  ['排查燃气管道老化点位，督促商户更换软管', '督导检查'],
  ['走访独居老人送去取暖煤，记录身体状况', '下村/实地'],
  ['审核新型农村合作医疗缴费进度，通报落后组', '办公室坐班'],
  ['调解土地流转租金拖欠纠纷，形成书面协议', '接访/接待'],
  ['验收村内道路路灯安装，清点损坏灯头数量', '下村/实地'],
  ['讲授专题党课《基层减负十条》，组织讨论', '会议'],
  ['盘点防汛物资仓库沙袋和救生衣库存', '督导检查'],
  ['对接县交通局申报通组公路养护资金', '外出学习/开会'],
  ['核查退役军人优待证发放遗漏人员', '办公室坐班'],
  ['督办垃圾中转站臭味投诉，约谈保洁公司', '督导检查'],
  ['统计冬小麦播种面积和良种补贴申报户数', '办公室坐班'],
  ['走访在外务工返乡人员，登记就业技能培训意向', '下村/实地'],
  ['复查校园周边食品摊点卫生许可证', '督导检查'],
  ['召集网格员布置人口普查入户核对分片', '会议'],
  ['测量集贸市场扩建占地边界，协调摊位迁移', '下村/实地'],
  ['审阅三季度财务收支公开栏内容，纠正错项', '办公室坐班'],
  ['陪同县水利局检查饮水安全工程水质化验', '督导检查'],
  ['处理光伏板电费收益分配的群众来信', '接访/接待'],
  ['清点敬老院过冬被褥，安排采购补缺', '下村/实地'],
  ['推动电商服务站与合作社签订农产品代销合同', '下村/实地'],
  ['复核耕地流出问题图斑，制作整改销号材料', '办公室坐班'],
  ['到县行政中心参加乡村振兴考核反馈会', '外出学习/开会'],
  ['核实一起工伤赔偿信访件的用工合同', '接访/接待'],
  ['检查养殖场粪污处理设施运行记录', '督导检查'],
  ['布置征兵体检对象通知，确认十二名应征青年', '会议'],
  ['回访上周反映路面塌陷的住户，确认修补完成', '下村/实地'],
  ['整理人大代表建议办理回复件，逐条签字', '办公室坐班'],
  ['查看村卫生室药品进销存和医保刷卡记录', '督导检查'],
  ['主持河长制巡河问题交办，明确清淤责任段', '会议'],
  ['指导村务监督委员会审查工程招标资料', '下村/实地'],
  ['会同派出所排查出租屋消防通道堵塞', '督导检查'],
  ['接听十二三四五热线转办件，联系供电所抢修', '接访/接待'],
  ['测算明年村级公益岗位数量和补贴标准', '办公室坐班'],
  ['走访种粮大户了解烘干机购置补贴需求', '下村/实地'],
  ['参加县委党校中青年干部培训班第三单元', '外出学习/开会'],
  ['核对殡葬改革惠民补助发放名册', '办公室坐班'],
  ['察看小学教学楼加固工程脚手架安全', '督导检查'],
  ['协调自来水公司为新建小区铺设主管网', '下村/实地'],
  ['听取妇联关于留守儿童关爱活动的安排', '会议'],
  ['登记冬季取暖补贴申请并张榜公示', '办公室坐班'],
  ['陪同审计组抽查村级工程结算凭证', '督导检查'],
];
export const VAGUE = [
  ['开会', '会议'],
  ['日常工作', '办公室坐班'],
  ['下村走访', '下村/实地'],
  ['处理日常事务', '办公室坐班'],
  ['参加会议', '会议'],
  ['检查工作', '督导检查'],
];
const SLOTS = [
  ['08:30', '10:00'],
  ['10:00', '11:30'],
  ['14:30', '16:00'],
  ['16:00', '17:30'],
  ['19:00', '20:30'],
];

/** A UTC instant for a local (Asia/Shanghai, UTC+8) date and time, as MySQL DATETIME text. */
const at = (date, time) => {
  const d = new Date(`${date}T${time}:00+08:00`);
  return d.toISOString().slice(0, 19).replace('T', ' ');
};

/**
 * Batches rows into multi-row INSERTs of `size` rows on its own connection (foreign key and unique
 * checks off: the rows are consistent by construction), one INSERT in flight while the next batch is
 * built.
 */
class Inserter {
  constructor(conn, table, columns, size = 2000) {
    Object.assign(this, { conn, size, rows: [], written: 0, pending: Promise.resolve() });
    this.head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.ready = conn.query('SET foreign_key_checks = 0, unique_checks = 0');
  }
  async add(row) {
    this.rows.push(row);
    if (this.rows.length >= this.size) await this.flush(false);
  }
  async flush(wait = true) {
    await this.ready;
    await this.pending;
    if (this.rows.length > 0) {
      const sql =
        this.head + this.rows.map((r) => `(${r.map((v) => this.conn.escape(v)).join(',')})`).join(',');
      const count = this.rows.length;
      this.rows = [];
      this.pending = this.conn.query(sql).then(() => {
        this.written += count;
      });
    }
    if (wait) await this.pending;
  }
}

/**
 * Writes the jurisdiction into the (migrated, empty) database behind `conn` and returns what it
 * wrote and the findings the check should record for `DATES.at(-1)`.
 */
export async function generate(
  pool,
  { officials, entries = [3, 5], rulesEvery = 0, seed = 42, unique = false },
) {
  const rnd = mulberry32(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const towns = Math.ceil(officials / OFFICIALS_PER_UNIT);
  // One connection per table, so the tables fill side by side.
  const conns = [];
  const conn = async () => {
    const c = await pool.getConnection();
    conns.push(c);
    return c;
  };

  const units = new Inserter(await conn(), 'units', [
    'id',
    'code',
    'name',
    'kind',
    'parent_id',
    'path',
    'sort_order',
  ]);
  await units.add([1, 'bf-county', '压测县', 'county', null, '/1/', 0]);
  for (let t = 0; t < towns; t++) {
    const id = 2 + t;
    await units.add([id, `bf-town-${t}`, `${pick(VILLAGES)}${t}镇`, 'town', 1, `/1/${id}/`, t]);
  }
  await units.flush();
  // Towns with their own journal rules (the defaults' values): each is a jurisdiction of its own.
  if (rulesEvery > 0) {
    const rules = new Inserter(await conn(), 'journal_rules', [
      'unit_id',
      'plan_due_time',
      'publication_time',
      'weekly_report_due_weekday',
      'weekly_report_due_time',
      'reminder_time',
      'entry_kinds',
      'meeting_names',
    ]);
    for (let t = 0; t < towns; t += rulesEvery)
      await rules.add([2 + t, '18:00', '08:00', 7, '12:00', '17:00', '[]', '[]']);
    await rules.flush();
  }

  const people = new Inserter(await conn(), 'officials', ['id', 'code', 'name']);
  const posts = new Inserter(await conn(), 'posts', ['id', 'code', 'unit_id', 'title', '`rank`']);
  const members = new Inserter(await conn(), 'memberships', ['id', 'official_id', 'post_id', 'start_date']);
  for (let i = 1; i <= officials; i++) {
    const name = pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.6 ? pick(GIVEN) : '');
    const inTown = (i - 1) % OFFICIALS_PER_UNIT;
    await people.add([i, `bf-o-${i}`, name]);
    await posts.add([
      i,
      `bf-p-${i}`,
      2 + Math.floor((i - 1) / OFFICIALS_PER_UNIT),
      TITLES[inTown % TITLES.length],
      inTown + 1,
    ]);
    await members.add([i, i, i, '2024-01-01']);
  }
  for (const table of [people, posts, members]) await table.flush();

  const leaves = new Inserter(await conn(), 'leaves', [
    'official_id',
    'start_date',
    'end_date',
    'reason',
    'status',
    'requested_by_user_id',
    'decided_by_user_id',
    'decided_at',
  ]);
  const plans = new Inserter(await conn(), 'day_plans', [
    'id',
    'official_id',
    'date',
    'status',
    'late',
    'submitted_at',
    'published_at',
    'revision',
    'version',
  ]);
  const rows = new Inserter(
    await conn(),
    'plan_entries',
    [
      'id',
      'day_plan_id',
      'position',
      'start_time',
      'end_time',
      'place',
      'what',
      'kind',
      'matter_ids',
      'status',
    ],
    4000,
  );
  const revisions = new Inserter(
    await conn(),
    'plan_revisions',
    ['day_plan_id', 'revision', 'kind', 'changed_by', 'snapshot', 'created_at'],
    1000,
  );
  const last = DATES.length - 1;
  const expected = { missing: 0, late: 0, vague: 0, repeated: 0, onLeave: 0 };
  let planId = 0;
  let entryId = 0;
  for (let o = 1; o <= officials; o++) {
    // Approved leave: 2 % of officials, 1–3 consecutive working days somewhere in the fortnight.
    let leaveFrom = -1;
    let leaveTo = -1;
    if (rnd() < 0.02) {
      leaveFrom = Math.floor(rnd() * DATES.length);
      leaveTo = Math.min(last, leaveFrom + Math.floor(rnd() * 3));
      await leaves.add([
        o,
        DATES[leaveFrom],
        DATES[leaveTo],
        '病假',
        'approved',
        1,
        1,
        at(DATES[leaveFrom], '08:00'),
      ]);
    }
    // Each official walks through the matters from their own offset: no matter twice in a fortnight.
    const matterOffset = Math.floor(rnd() * MATTERS.length);
    const villageOffset = Math.floor(rnd() * VILLAGES.length);
    let slot = 0;
    let previous = null;
    for (let d = 0; d < DATES.length; d++) {
      const date = DATES[d];
      if (d >= leaveFrom && d <= leaveTo) {
        if (d === last) expected.onLeave++;
        previous = null;
        continue;
      }
      const roll = rnd();
      if (roll < 0.03) {
        if (d === last) expected.missing++;
        previous = null;
        continue;
      }
      const late = roll < 0.06;
      const count = entries[0] + Math.floor(rnd() * (entries[1] - entries[0] + 1));
      const vague = rnd() < 0.05;
      const repeated = previous !== null && rnd() < 0.05;
      const today = [];
      for (let p = 0; p < count; p++) {
        const [start, end] = SLOTS[p];
        let place;
        let what;
        let kind;
        if (vague && p === 0) {
          [what, kind] = pick(VAGUE);
          place = null;
        } else if (repeated && p === count - 1) {
          const copy = previous[Math.floor(rnd() * previous.length)];
          place = copy.place;
          kind = copy.kind;
          what = `${copy.what.slice(0, -1)}等`;
        } else {
          [what, kind] = MATTERS[(matterOffset + slot) % MATTERS.length];
          // Every line its own text (a number the comparison reads as "0"): no two entries share a
          // string, so nothing is found again in the check's caches — the worst case for them.
          if (unique) what = `${what}（第${entryId + 1}项）`;
          place = `${VILLAGES[(villageOffset + slot * 7) % VILLAGES.length]}${SUFFIXES[slot % SUFFIXES.length]}`;
          slot++;
        }
        today.push({ id: ++entryId, position: p, start, end, place, what, kind });
      }
      if (d === last) {
        if (late) expected.late++;
        if (vague) expected.vague++;
        if (repeated) expected.repeated++;
      }
      planId++;
      const submittedAt = late ? at(date, '07:40') : at(DATES[Math.max(0, d - 1)], '17:00');
      const publishedAt = at(date, '08:00');
      await plans.add([planId, o, date, 'published', late ? 1 : 0, submittedAt, publishedAt, 0, 2]);
      for (const e of today) {
        await rows.add([e.id, planId, e.position, e.start, e.end, e.place, e.what, e.kind, '[]', 'active']);
      }
      const snapshot = today.map((e) => ({
        id: e.id,
        startTime: e.start,
        endTime: e.end,
        period: null,
        place: e.place,
        what: e.what,
        kind: e.kind,
        status: 'active',
      }));
      await revisions.add([planId, 0, 'published', '系统', JSON.stringify(snapshot), publishedAt]);
      previous = today.filter((e) => e.place !== null);
    }
  }
  for (const table of [leaves, plans, rows, revisions]) await table.flush();
  for (const c of conns) c.release();
  return {
    units: towns + 1,
    officials,
    leaves: leaves.written,
    plans: plans.written,
    entries: rows.written,
    revisions: revisions.written,
    expected,
  };
}
