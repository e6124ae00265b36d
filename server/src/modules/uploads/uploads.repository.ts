import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Upload } from './upload.entity';

@Injectable()
export class UploadsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(upload: Omit<Upload, 'createdAt'>): Promise<void> {
    await this.dataSource.getRepository(Upload).insert(upload);
  }

  async findByIds(ids: string[]): Promise<Map<string, Upload>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(Upload).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((row) => [row.id, row]));
  }
}
