import { Injectable } from '@nestjs/common';
import { DirectoryRepository } from './directory.repository';
import { handlersFor } from './handlers';

/** "Who handles this matter for my village", read from the directory as it is now (ticket routing). */
@Injectable()
export class MatterHandlers {
  constructor(private readonly directory: DirectoryRepository) {}

  /**
   * The officials whose duty for the matter covers the unit at `unitPath` (the resident's village or
   * town; null: anywhere), the most local first (handlers.ts). Two queries.
   */
  async handlersOf(matterId: number, unitPath: string | null): Promise<number[]> {
    const duties = await this.directory.findDutiesOfMatter(matterId);
    const holders = await this.directory.findPostHolders([...new Set(duties.map((d) => d.postId))]);
    return handlersFor(duties, holders, unitPath);
  }
}
