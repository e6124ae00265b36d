import { FixedClock } from '../../common/clock';
import type { AppConfig } from '../../config/app.config';
import type { InAppMessagesRepository } from './in-app-messages.repository';
import { InAppMessagesService } from './in-app-messages.service';

describe('InAppMessagesService.purge', () => {
  const now = new Date('2026-12-06T02:00:00.000Z');
  const cutoffFor = async (ticketRetentionDays: number) => {
    const deleteCreatedBefore = jest.fn<Promise<number>, [Date]>().mockResolvedValue(0);
    const sut = new InAppMessagesService(
      { deleteCreatedBefore } as unknown as InAppMessagesRepository,
      new FixedClock(now),
      { tickets: { retentionDays: ticketRetentionDays } } as AppConfig,
    );
    await sut.purge();
    return (now.getTime() - deleteCreatedBefore.mock.calls[0]![0].getTime()) / 86_400_000;
  };

  it('keeps messages 180 days by default', async () => {
    expect(await cutoffFor(180)).toBe(180);
  });

  it('never keeps a message, which quotes its comment, longer than the ticket retention', async () => {
    expect(await cutoffFor(30)).toBe(30);
  });
});
