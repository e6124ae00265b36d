import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThanOrEqual } from 'typeorm';
import { Upload } from './upload.entity';

@Injectable()
export class UploadsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(upload: Upload): Promise<void> {
    await this.dataSource.getRepository(Upload).insert(upload);
  }

  /** How many photos the user stored since `since`, and their size as received. */
  async usageSince(ownerUserId: number, since: Date): Promise<{ count: number; bytes: number }> {
    const row = await this.dataSource
      .getRepository(Upload)
      .createQueryBuilder('upload')
      .select('COUNT(*)', 'count')
      .addSelect('COALESCE(SUM(upload.sourceBytes), 0)', 'bytes')
      .where({ ownerUserId, createdAt: MoreThanOrEqual(since) })
      .getRawOne<{ count: string | number; bytes: string | number }>();
    return { count: Number(row?.count ?? 0), bytes: Number(row?.bytes ?? 0) };
  }

  async findByIds(ids: string[]): Promise<Map<string, Upload>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(Upload).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((row) => [row.id, row]));
  }
}
