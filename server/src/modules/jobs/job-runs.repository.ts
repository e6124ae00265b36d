import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { retryOnContention } from '../../database/contention';
import { JobRun } from './job-run.entity';

/** Named queries of the job run records (the exactly-once lock). */
@Injectable()
export class JobRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get runs() {
    return this.dataSource.getRepository(JobRun);
  }

  /**
   * Records the start of a run; throws when (job, fireKey) is already recorded (the lock is taken).
   * On a Galera cluster two instances on two nodes inserting the same key at once do not both get a
   * duplicate key: the loser's insert fails certification (1213) and its node may not have applied
   * the winner's row yet, so existsRun could still say no. The insert is tried again on contention
   * (bounded, about 1.5 s in all) until it succeeds or meets the winner's row as a duplicate key.
   */
  async insertStarted(job: string, fireKey: string, startedAt: Date): Promise<void> {
    await retryOnContention(
      () => this.runs.insert({ job, fireKey, startedAt, finishedAt: null, result: null }),
      CLAIM_RETRY,
    );
  }

  existsRun(job: string, fireKey: string): Promise<boolean> {
    return this.runs.existsBy({ job, fireKey });
  }

  async markFinished(job: string, fireKey: string, finishedAt: Date, result: string | null): Promise<void> {
    await retryOnContention(() => this.runs.update({ job, fireKey }, { finishedAt, result }), CLAIM_RETRY);
  }
}

/** 8 tries with growing pauses (25, 50, … ms plus jitter): a node applies a write set in milliseconds. */
const CLAIM_RETRY = { attempts: 8, pauseMs: 25 };
