import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface RowsPage {
  total: number;
  rows: Array<Record<string, unknown>>;
}

/** Named queries of the Popolo export: one page of a directory table, in id order, with its total. */
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
