import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface RowsPage {
  total: number;
  rows: Array<Record<string, unknown>>;
}

/** A jurisdiction (a county) whose directory one Popolo document describes. */
export interface PopoloJurisdiction {
  id: number;
  code: string;
  name: string;
  path: string;
}

/**
 * Named queries of the Popolo export: one page of a directory table, in id order, with its total;
 * and the whole directory of one jurisdiction (its units' subtree) for the one-document export.
 */
@Injectable()
export class PopoloRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findOfficialsPage(offset: number, limit: number): Promise<RowsPage> {
    return this.page(
      'officials',
      'SELECT id, name, gender, photo_url FROM officials ORDER BY id',
      offset,
      limit,
    );
  }

  findUnitsPage(offset: number, limit: number): Promise<RowsPage> {
    return this.page('units', 'SELECT id, name, kind, parent_id FROM units ORDER BY id', offset, limit);
  }

  findPostsPage(offset: number, limit: number): Promise<RowsPage> {
    return this.page('posts', 'SELECT id, title, unit_id FROM posts ORDER BY id', offset, limit);
  }

  /** Memberships with their post's unit and title. */
  findMembershipsPage(offset: number, limit: number): Promise<RowsPage> {
    return this.page(
      'memberships',
      'SELECT m.id, m.official_id, m.post_id, m.start_date, m.end_date, p.unit_id, p.title FROM memberships m JOIN posts p ON p.id = m.post_id ORDER BY m.id',
      offset,
      limit,
    );
  }

  /** The county whose code is `code` (Open311's jurisdiction_id), or null. */
  async findJurisdiction(code: string): Promise<PopoloJurisdiction | null> {
    const rows = (await this.dataSource.query(
      "SELECT id, code, name, path FROM units WHERE kind = 'county' AND code = ?",
      [code],
    )) as Array<{ id: number | string; code: string; name: string; path: string }>;
    const row = rows[0];
    return row ? { id: Number(row.id), code: row.code, name: row.name, path: row.path } : null;
  }

  /** The units of the subtree at `path` (the county and every unit under it). */
  findUnitsUnder(path: string): Promise<Array<Record<string, unknown>>> {
    return this.dataSource.query(
      'SELECT id, name, kind, parent_id FROM units WHERE path LIKE ? ORDER BY id',
      [`${path}%`],
    );
  }

  /** The posts of the units of the subtree at `path`. */
  findPostsUnder(path: string): Promise<Array<Record<string, unknown>>> {
    return this.dataSource.query(
      'SELECT p.id, p.title, p.unit_id FROM posts p JOIN units u ON u.id = p.unit_id WHERE u.path LIKE ? ORDER BY p.id',
      [`${path}%`],
    );
  }

  /** Every membership (past, current and dated ahead) of those posts: who held which post when. */
  findMembershipsUnder(path: string): Promise<Array<Record<string, unknown>>> {
    return this.dataSource.query(
      'SELECT m.id, m.official_id, m.post_id, m.start_date, m.end_date, p.unit_id, p.title FROM memberships m JOIN posts p ON p.id = m.post_id JOIN units u ON u.id = p.unit_id WHERE u.path LIKE ? ORDER BY m.id',
      [`${path}%`],
    );
  }

  /** The officials who ever held one of those posts (public fields only: no phone). */
  findOfficialsUnder(path: string): Promise<Array<Record<string, unknown>>> {
    return this.dataSource.query(
      'SELECT o.id, o.name, o.gender, o.photo_url FROM officials o WHERE o.id IN (SELECT m.official_id FROM memberships m JOIN posts p ON p.id = m.post_id JOIN units u ON u.id = p.unit_id WHERE u.path LIKE ?) ORDER BY o.id',
      [`${path}%`],
    );
  }

  /** `offset` and `limit` are validated integers (PageQueryDto). */
  private async page(table: string, query: string, offset: number, limit: number): Promise<RowsPage> {
    const [{ n }] = (await this.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{
      n: number | string;
    }>;
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `${query} LIMIT ${limit} OFFSET ${offset}`,
    );
    return { total: Number(n), rows };
  }
}
