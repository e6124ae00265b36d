import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isContention, isDuplicateKey, retryOnContention } from '../../database/contention';
import { JobRun } from './job-run.entity';

/** Named queries of the job run records (the exactly-once lock). */
@Injectable()
export class JobRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get runs() {
    return this.dataSource.getRepository(JobRun);
  }

  /**
   * The one place that decides who runs (job, fireKey): records the start of the run and answers
   * true, or answers false when the key is already recorded (another instance claimed it first: a
   * duplicate key). On a Galera cluster two instances on two nodes inserting the same key at once
   * do not both get a duplicate key: the loser's insert fails certification (1213) and its node may
   * not have applied the winner's row yet. So contention is tried again (bounded, about 1 s in all)
   * until the insert succeeds or meets the winner's row as a duplicate key. Anything else — the
   * database down, contention past the bound — is thrown: this instance could not claim the run and
   * does not run it.
   */
  async claimRun(job: string, fireKey: string, startedAt: Date): Promise<boolean> {
    try {
      await retryOnContention(
        () => this.runs.insert({ job, fireKey, startedAt, finishedAt: null, result: null }),
        CLAIM_RETRY,
      );
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      if (isContention(error))
        throw new Error(
          `Could not claim ${job} ${fireKey}: still contended after ${CLAIM_RETRY.attempts} tries`,
          {
            cause: error,
          },
        );
      throw error;
    }
  }

  async markFinished(job: string, fireKey: string, finishedAt: Date, result: string | null): Promise<void> {
    await retryOnContention(() => this.runs.update({ job, fireKey }, { finishedAt, result }), CLAIM_RETRY);
  }
}

/** 8 tries with growing pauses (25, 50, … ms plus jitter): a node applies a write set in milliseconds. */
const CLAIM_RETRY = { attempts: 8, pauseMs: 25 };
