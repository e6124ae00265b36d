import type { PropsWithChildren } from 'react';

import { initOffline } from './api/offline';
import { initSession } from './api/session';
import { initPrivacy } from './components/PrivacyGuide/privacy';
import { preventJavascriptUrls } from './utils/csp-links';
import './styles/tokens.css';
import { registerServiceWorker } from './utils/service-worker';
import './app.css';

// Before any page exists (module level, not useLaunch: on H5 pages may mount first):
// - privacy first: its listener must be in place before any private API can be used;
// - then the session: registers the 401 relogin handler; weapp logs in silently (as a resident).
initPrivacy();
initSession();
// H5: no javascript: URL is ever run (Taro's tab bar has them; the CSP refuses them).
// Offline (issue #15): the kept copy follows who is signed in; the outbox is sent when the network returns.
initOffline();
registerServiceWorker();
if (process.env.TARO_ENV === 'h5') preventJavascriptUrls(document);

/** The app root. Pages are rendered as `children`; per-page chrome lives in components/Page. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
