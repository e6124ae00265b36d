import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type {
  MatterDetail,
  MatterSummaryWithCount,
  OfficialRef,
  PopularHandlers,
  SearchResponse,
} from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { localDate } from '../../common/time/local-time';
import { CacheVersionService } from '../cache/cache-version.service';
import { COUNTY_PREFIX, countyCounter, DIRECTORY_CACHE } from '../directory/directory-versions';
import { handlersFor, type PostHolder } from '../directory/handlers';
import { StatusService } from '../directory/status/status.service';
import { MatterDemand } from './popular/matter-demand.service';
import { PopularMattersService } from './popular/popular-matters.service';
import { type IndexDoc, SearchIndex } from './search-index';
import {
  type DirectoryDuty,
  type DirectoryOfficial,
  type DirectorySnapshot,
  SearchRepository,
} from './search.repository';

/**
 * How often the directory counters are re-read: a change made through another instance is in this
 * one's index within a second, the rebuild included (half a second of polling + the rebuild).
 */
const POLL_MS = 500;
/** How many popular matters the first screen answers for a village. */
export const POPULAR_HANDLERS_LIMIT = 3;
/**
 * A search counts towards its top matter's demand (popular matters) when the query has at least two
 * characters and the matter matched it well (a word, its pinyin or initials, not a stray character).
 */
const DEMAND_MIN_QUERY = 2;
const DEMAND_MIN_SCORE = 0.7;

interface Loaded {
  version: number;
  /** The local date whose posts the index holds (a handover dated later takes effect on its day). */
  date: string;
  /** The per-county counters ("dir:<unit id>") the county indexes were built at. */
  countyVersions: Map<string, number>;
  /** One index per jurisdiction (county path), so a search scans one county, not the province. */
  indexes: Map<string, SearchIndex>;
  snapshot: DirectorySnapshot;
  officials: Map<number, DirectoryOfficial>;
  /** Who holds each post (post id → holders with the post's rank). */
  holders: Map<number, PostHolder[]>;
  duties: Map<number, DirectoryDuty[]>;
}

/**
 * Search over matters and officials, and "who handles this for my village". The index lives in
 * memory and is rebuilt when the directory's version counter moves (any instance's change; this
 * instance polls it every second, its own changes apply at once) and when the local date changes.
 */
@Injectable()
export class SearchService implements OnModuleInit, OnModuleDestroy {
  private loaded: Loaded | null = null;
  private building: Promise<Loaded> | null = null;
  private knownVersion = -1;
  /** Per-county counters as last read ("dir:<unit id>" → version); a change rebuilds that county only. */
  private knownCounties = new Map<string, number>();
  private stopWatching: (() => void) | null = null;
  /** Whole and per-county rebuilds so far (for tests and logs). */
  fullBuilds = 0;
  countyBuilds = 0;

  constructor(
    private readonly repository: SearchRepository,
    private readonly status: StatusService,
    private readonly versions: CacheVersionService,
    private readonly popularMatters: PopularMattersService,
    private readonly demand: MatterDemand,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.stopWatching = this.versions.watch(
      [DIRECTORY_CACHE, COUNTY_PREFIX],
      () => this.readVersions(),
      () => {
        this.knownVersion = -1;
      },
      POLL_MS,
    );
  }

  onModuleDestroy(): void {
    this.stopWatching?.();
  }

  private async readVersions(): Promise<void> {
    const [global, counties] = await Promise.all([
      this.versions.current(DIRECTORY_CACHE),
      this.versions.list(COUNTY_PREFIX),
    ]);
    this.knownCounties = counties;
    this.knownVersion = global;
  }

  private stale(loaded: Loaded): Set<string> {
    const stale = new Set<string>();
    for (const county of loaded.indexes.keys()) {
      const name = countyCounter(county);
      if ((this.knownCounties.get(name) ?? 0) !== (loaded.countyVersions.get(name) ?? 0)) stale.add(county);
    }
    return stale;
  }

  private async current(): Promise<Loaded> {
    if (this.knownVersion < 0) await this.readVersions();
    const loaded = this.loaded;
    if (
      loaded &&
      loaded.version === this.knownVersion &&
      loaded.date === localDate(this.clock.now()) &&
      this.stale(loaded).size === 0
    )
      return loaded;
    this.building ??= this.rebuild(loaded).finally(() => {
      this.building = null;
    });
    this.loaded = await this.building;
    return this.loaded;
  }

  /**
   * The whole directory when the global counter moved (or at first use); otherwise only the
   * counties whose own counter moved: their rows are reloaded and their index rebuilt.
   */
  private async rebuild(previous: Loaded | null): Promise<Loaded> {
    const version = this.knownVersion;
    const countyVersions = new Map(this.knownCounties);
    const date = localDate(this.clock.now());
    if (!previous || previous.version !== version || previous.date !== date) {
      this.fullBuilds += 1;
      return { version, date, countyVersions, ...buildIndex(await this.repository.loadSnapshot(date)) };
    }
    const only = this.stale(previous);
    let snapshot = previous.snapshot;
    for (const county of only) {
      const part = await this.repository.loadSnapshot(date, county);
      const inside = (path: string) => path.startsWith(county);
      snapshot = {
        counties: snapshot.counties,
        officials: [
          ...snapshot.officials.filter((o) => !o.posts.some((p) => inside(p.unitPath))),
          ...part.officials,
        ],
        matters: [...snapshot.matters.filter((m) => !inside(m.departmentPath)), ...part.matters],
        duties: [...snapshot.duties.filter((d) => !inside(d.postPath)), ...part.duties],
      };
    }
    this.countyBuilds += only.size;
    return { version, date, countyVersions, ...buildIndex(snapshot, { indexes: previous.indexes, only }) };
  }

  async search(q: string, unitId?: number): Promise<SearchResponse> {
    const loaded = await this.current();
    const unitPath = unitId === undefined ? null : await this.repository.unitPath(unitId);
    if (unitId !== undefined && unitPath === null) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    const hits = indexFor(loaded, unitPath).search(q, 20);
    const top = hits.matters[0];
    if (top && top.score >= DEMAND_MIN_SCORE && Array.from(q.trim()).length >= DEMAND_MIN_QUERY)
      this.demand.record('searches', top.id, unitPath);
    const matters = hits.matters.slice(0, 8).map((hit) => {
      const matter = loaded.snapshot.matters.find((m) => m.id === hit.id)!;
      return { matter, officialIds: handlers(loaded, matter.id, unitPath).slice(0, 3) };
    });
    // Officials: the resident's own town and village first, then the rest, by match quality.
    const near = (o: DirectoryOfficial) =>
      unitPath &&
      o.posts.some((p) => unitPath.startsWith(p.unitPath) || p.unitPath.startsWith(townOf(unitPath)))
        ? 1
        : 0;
    const officialHits = hits.officials
      .map((h) => ({ hit: h, official: loaded.officials.get(h.id)! }))
      .filter((x) => x.official)
      .sort((a, b) => b.hit.score - a.hit.score || near(b.official) - near(a.official))
      .slice(0, 10);
    const refs = await this.refs(loaded, [
      ...matters.flatMap((m) => m.officialIds),
      ...officialHits.map((x) => x.official.id),
    ]);
    return {
      q,
      matters: matters.map(({ matter, officialIds }) => ({
        id: matter.id,
        name: matter.name,
        category: matter.category,
        department: { id: matter.departmentId, name: matter.departmentName },
        officials: officialIds.map((id) => refs.get(id)!).filter(Boolean),
      })),
      officials: officialHits.map((x) => refs.get(x.official.id)!).filter(Boolean),
    };
  }

  async matter(id: number, unitId?: number): Promise<MatterDetail> {
    const matter = await this.repository.findMatterWithDepartment(id);
    if (!matter) throw new AppException('COMMON.NOT_FOUND', '找不到该事项');
    const loaded = await this.current();
    const unitPath = unitId === undefined ? null : await this.repository.unitPath(unitId);
    if (unitId !== undefined && unitPath === null) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    this.demand.record('opens', matter.id, unitPath);
    const ids = handlers(loaded, id, unitPath).slice(0, 8);
    const refs = await this.refs(loaded, ids);
    return {
      id: matter.id,
      name: matter.name,
      category: matter.category,
      keywords: matter.keywords,
      synonyms: matter.synonyms,
      materials: matter.materials,
      whereToGo: matter.whereToGo,
      officeHours: matter.officeHours,
      legalBasis: matter.legalBasis,
      department: { id: matter.department.id, name: matter.department.name },
      ackWorkingDays: matter.ackWorkingDays,
      resolveWorkingDays: matter.resolveWorkingDays,
      officials: ids.map((o) => refs.get(o)!).filter(Boolean),
    };
  }

  /**
   * 大家常办的事 for the county of the resident's unit (the first county's without one), among the
   * matters its index holds: the county's own and those of departments above it.
   */
  async popular(unitId?: number): Promise<MatterSummaryWithCount[]> {
    const loaded = await this.current();
    const unitPath = unitId === undefined ? null : await this.repository.unitPath(unitId);
    if (unitId !== undefined && unitPath === null) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    const county = countyFor(loaded, unitPath);
    const candidates = loaded.snapshot.matters.filter(
      (m) => m.departmentPath.startsWith(county) || county.startsWith(m.departmentPath),
    );
    return this.popularMatters.list(county, candidates);
  }

  /**
   * The first `limit` popular matters of the unit's county, each with who handles it for the unit
   * (at most 2) and where they are now: the first screen's answer for a resident's village. Nothing
   * is counted towards demand (it is shown on every visit, not asked for).
   */
  async popularHandlers(unitId: number, limit = POPULAR_HANDLERS_LIMIT): Promise<PopularHandlers> {
    const popular = await this.popular(unitId);
    const loaded = await this.current();
    const unitPath = await this.repository.unitPath(unitId);
    const matters = popular.slice(0, limit).flatMap((p) => {
      const matter = loaded.snapshot.matters.find((m) => m.id === p.id);
      return matter ? [{ matter, officialIds: handlers(loaded, matter.id, unitPath).slice(0, 2) }] : [];
    });
    const refs = await this.refs(
      loaded,
      matters.flatMap((m) => m.officialIds),
    );
    return matters.map(({ matter, officialIds }) => ({
      id: matter.id,
      name: matter.name,
      category: matter.category,
      department: { id: matter.departmentId, name: matter.departmentName },
      officials: officialIds.map((id) => refs.get(id)!).filter(Boolean),
    }));
  }

  /**
   * Official references with where they are now (one status query for all of them). One on approved
   * leave whose post names an acting deputy (代理) who is not away too says so and carries the deputy.
   */
  async refs(loaded: Loaded, ids: number[]): Promise<Map<number, OfficialRef>> {
    const unique = [...new Set(ids)]
      .map((id) => loaded.officials.get(id))
      .filter((o): o is DirectoryOfficial => Boolean(o));
    const deputiesOf = new Map(
      unique.map((o) => [
        o.id,
        o.posts
          .map((p) => p.deputyOfficialId)
          .filter((id): id is number => id !== null && id !== o.id)
          .map((id) => loaded.officials.get(id))
          .filter((d): d is DirectoryOfficial => Boolean(d)),
      ]),
    );
    const everyone = new Map(unique.map((o) => [o.id, o]));
    for (const deputies of deputiesOf.values()) for (const d of deputies) everyone.set(d.id, d);
    const statuses = await this.status.statuses(
      [...everyone.values()].map((o) => ({ id: o.id, officeHours: o.posts[0]?.officeHours ?? null })),
    );
    const plain = (o: DirectoryOfficial): OfficialRef => ({
      id: o.id,
      name: o.name,
      post: o.posts[0]?.title ?? '',
      unit: { id: o.posts[0]?.unitId ?? 0, name: o.posts[0]?.unitName ?? '' },
      status: statuses.get(o.id)!,
    });
    return new Map(
      unique.map((o) => {
        const ref = plain(o);
        if (ref.status.kind !== 'on_leave') return [o.id, ref];
        const deputy = deputiesOf.get(o.id)!.find((d) => statuses.get(d.id)!.kind !== 'on_leave');
        if (!deputy) return [o.id, ref];
        return [
          o.id,
          {
            ...ref,
            status: { ...ref.status, text: `请假中，由${deputy.name}代理` },
            actingDeputy: plain(deputy),
          },
        ];
      }),
    );
  }

  /** For tests: the index that serves a unit (its county's). */
  async index(unitPath: string | null = null): Promise<SearchIndex> {
    return indexFor(await this.current(), unitPath);
  }
}

/** The path of the county whose index serves the unit; the first county's without a unit. */
function countyFor(loaded: Loaded, unitPath: string | null): string {
  if (unitPath) {
    // The innermost county containing the unit (a province root may also be of kind county).
    let best: string | null = null;
    for (const county of loaded.indexes.keys())
      if (unitPath.startsWith(county) && county.length > (best?.length ?? 0)) best = county;
    if (best) return best;
  }
  return loaded.indexes.keys().next().value ?? '/';
}

/** The index of the county containing the unit; the first county's without a unit. */
function indexFor(loaded: Loaded, unitPath: string | null): SearchIndex {
  return loaded.indexes.get(countyFor(loaded, unitPath)) ?? SearchIndex.build([]);
}

/** The town part of a village path ("/1/4/17/" → "/1/4/"). */
function townOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return parts.length >= 2 ? `/${parts.slice(0, 2).join('/')}/` : path;
}

/** Who handles a matter for a unit (directory/handlers.ts) over the index's loaded duties. */
function handlers(loaded: Loaded, matterId: number, unitPath: string | null): number[] {
  return handlersFor(loaded.duties.get(matterId) ?? [], loaded.holders, unitPath);
}

/**
 * The indexes and look-up maps of a snapshot. With `reuse`, only the counties in `only` get a new
 * index; the others keep theirs (an incremental rebuild after a change in one county).
 */
export function buildIndex(
  snapshot: DirectorySnapshot,
  reuse?: { indexes: Map<string, SearchIndex>; only: Set<string> },
): Omit<Loaded, 'version' | 'date' | 'countyVersions'> {
  const counties = snapshot.counties.length > 0 ? snapshot.counties : ['/'];
  // A matter owned above the counties (a province department) is searchable in every county.
  const countiesOf = (path: string) => {
    // The innermost county holding the unit; a unit above the counties belongs to every one below it.
    const own = counties.filter((c) => path.startsWith(c)).sort((a, b) => b.length - a.length)[0];
    if (own && !counties.some((c) => c !== own && c.startsWith(own))) return [own];
    const below = counties.filter(
      (c) =>
        c.startsWith(path) &&
        !counties.some((d) => d !== c && c.startsWith(d) && d.startsWith(path) && d.length > path.length),
    );
    return below.length > 0 ? below : own ? [own] : [];
  };
  const docsByCounty = new Map<string, IndexDoc[]>(counties.map((c) => [c, []]));
  const add = (paths: string[], doc: IndexDoc) => {
    for (const county of new Set(paths.flatMap(countiesOf))) docsByCounty.get(county)!.push(doc);
  };
  for (const m of snapshot.matters) {
    const fields = [
      { text: m.name, weight: 1 },
      ...m.keywords.map((k) => ({ text: k, weight: 0.95 })),
      ...m.synonyms.map((k) => ({ text: k, weight: 0.95 })),
      { text: m.category, weight: 0.4 },
    ];
    add([m.departmentPath], { kind: 'matter', id: m.id, fields });
  }
  for (const o of snapshot.officials) {
    add(
      o.posts.map((p) => p.unitPath),
      {
        kind: 'official',
        id: o.id,
        fields: [{ text: o.name, weight: 1 }, ...o.posts.map((p) => ({ text: p.title, weight: 0.5 }))],
      },
    );
  }
  const holders = new Map<number, PostHolder[]>();
  for (const o of snapshot.officials)
    for (const p of o.posts)
      holders.set(p.postId, [...(holders.get(p.postId) ?? []), { officialId: o.id, rank: p.rank }]);
  const duties = new Map<number, DirectoryDuty[]>();
  for (const d of snapshot.duties) duties.set(d.matterId, [...(duties.get(d.matterId) ?? []), d]);
  return {
    indexes: new Map(
      [...docsByCounty].map(([county, docs]) => [
        county,
        reuse && !reuse.only.has(county) && reuse.indexes.has(county)
          ? reuse.indexes.get(county)!
          : SearchIndex.build(docs),
      ]),
    ),
    snapshot,
    officials: new Map(snapshot.officials.map((o) => [o.id, o])),
    holders,
    duties,
  };
}
