import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobRun } from './job-run.entity';

/** Named queries of the job run records (the exactly-once lock). */
@Injectable()
export class JobRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get runs() {
    return this.dataSource.getRepository(JobRun);
  }

  /** Records the start of a run; throws when (job, fireKey) is already recorded (the lock is taken). */
  async insertStarted(job: string, fireKey: string, startedAt: Date): Promise<void> {
    await this.runs.insert({ job, fireKey, startedAt, finishedAt: null, result: null });
  }

  existsRun(job: string, fireKey: string): Promise<boolean> {
    return this.runs.existsBy({ job, fireKey });
  }

  async markFinished(job: string, fireKey: string, finishedAt: Date, result: string | null): Promise<void> {
    await this.runs.update({ job, fireKey }, { finishedAt, result });
  }
}
