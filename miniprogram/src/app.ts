import type { PropsWithChildren } from 'react';

import { initOffline } from './api/offline';
import { initSession } from './api/session';
import { initPrivacy } from './components/PrivacyGuide/privacy';
import { initCareMode } from './hooks/useCareMode';
import { preventJavascriptUrls } from './utils/csp-links';
import { markH5Landmarks } from './utils/h5-landmarks';
import { registerServiceWorker } from './utils/service-worker';
import './styles/tokens.css';
import './app.css';

// Before any page exists (module level, not useLaunch: on H5 pages may mount first):
// - privacy first: its listener must be in place before any private API can be used;
// - then the session: registers the 401 relogin handler; weapp logs in silently (as a resident).
initPrivacy();
initSession();
// Offline (issue #15): the kept copy follows who is signed in; the outbox is sent when the network returns.
initOffline();
registerServiceWorker();
// 大字模式: the remembered switch and the reader's font size, before the first page paints.
initCareMode();
// H5: no javascript: URL is ever run (Taro's tab bar has them; the CSP refuses them).
if (process.env.TARO_ENV === 'h5') preventJavascriptUrls(document);
// H5: the tab bar and Taro's page boxes as landmarks / keyboard-reachable (axe).
if (process.env.TARO_ENV === 'h5') markH5Landmarks(document);

/** The app root. Pages are rendered as `children`; per-page chrome lives in components/Page. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
