import type { DataSource } from 'typeorm';
import { JobRunsRepository } from './job-runs.repository';

const certificationFailure = () =>
  Object.assign(new Error('Deadlock found when trying to get lock'), { driverError: { errno: 1213 } });
const duplicateKey = () =>
  Object.assign(new Error("Duplicate entry 'digest-2026-11-16'"), { driverError: { errno: 1062 } });

function makeSut(insert: jest.Mock) {
  const dataSource = { getRepository: () => ({ insert }) } as unknown as DataSource;
  return new JobRunsRepository(dataSource);
}

const at = new Date('2026-11-16T01:00:00Z');

describe('JobRunsRepository.claimRun', () => {
  it('claims the run when its insert succeeds', async () => {
    const sut = makeSut(jest.fn().mockResolvedValue({}));
    await expect(sut.claimRun('digest', '2026-11-16', at)).resolves.toBe(true);
  });

  it("answers not claimed when the key is already recorded (the winner's row)", async () => {
    const sut = makeSut(jest.fn().mockRejectedValue(duplicateKey()));
    await expect(sut.claimRun('digest', '2026-11-16', at)).resolves.toBe(false);
  });

  it("tries a certification failure again until the node shows the winner's row as a duplicate key", async () => {
    const insert = jest
      .fn()
      .mockRejectedValueOnce(certificationFailure())
      .mockRejectedValueOnce(certificationFailure())
      .mockRejectedValueOnce(duplicateKey());
    const sut = makeSut(insert);
    await expect(sut.claimRun('digest', '2026-11-16', at)).resolves.toBe(false);
    expect(insert).toHaveBeenCalledTimes(3);
  });

  it('claims the run when a retried insert succeeds (the other claimant rolled back)', async () => {
    const insert = jest.fn().mockRejectedValueOnce(certificationFailure()).mockResolvedValueOnce({});
    const sut = makeSut(insert);
    await expect(sut.claimRun('digest', '2026-11-16', at)).resolves.toBe(true);
  });

  it('throws, naming the run, when contention outlasts its tries', async () => {
    const insert = jest.fn().mockRejectedValue(certificationFailure());
    const sut = makeSut(insert);
    await expect(sut.claimRun('digest', '2026-11-16', at)).rejects.toThrow(
      'Could not claim digest 2026-11-16: still contended after 8 tries',
    );
    expect(insert).toHaveBeenCalledTimes(8);
  });

  it('throws any other error at once', async () => {
    const insert = jest.fn().mockRejectedValue(new Error('connect ECONNREFUSED'));
    const sut = makeSut(insert);
    await expect(sut.claimRun('digest', '2026-11-16', at)).rejects.toThrow('ECONNREFUSED');
    expect(insert).toHaveBeenCalledTimes(1);
  });
});
