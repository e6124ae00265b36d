import { afterEach, describe, expect, it } from '@jest/globals';
import { act, render } from '@testing-library/react';

import { FIRST_SCREEN_ID, useDropFirstScreen } from './firstScreen';

function Probe({ name }: { name: string }) {
  useDropFirstScreen(name);
  return null;
}

function staticShell(): void {
  document.body.innerHTML = `<div id="${FIRST_SCREEN_ID}"><h1>今日工作</h1></div><div id="app"><div data-testid="today-list" data-state="loading"></div></div>`;
}

describe('the static first screen drawn by the server', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('stays while the today list is loading, and goes in the same task as the list is drawn', async () => {
    staticShell();
    render(<Probe name="today" />, {
      container: document.getElementById('app')!.appendChild(document.createElement('div')),
    });
    expect(document.getElementById(FIRST_SCREEN_ID)).not.toBeNull();
    await act(async () => {
      document.querySelector('[data-testid="today-list"]')!.setAttribute('data-state', 'ok');
      await Promise.resolve();
    });
    expect(document.getElementById(FIRST_SCREEN_ID)).toBeNull();
  });

  it('goes at once when another page opens', () => {
    staticShell();
    render(<Probe name="official" />, {
      container: document.getElementById('app')!.appendChild(document.createElement('div')),
    });
    expect(document.getElementById(FIRST_SCREEN_ID)).toBeNull();
  });
});
