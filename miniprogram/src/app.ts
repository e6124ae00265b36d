import type { PropsWithChildren } from 'react';

import { initSession } from './api/session';
import { initPrivacy } from './components/PrivacyGuide/privacy';
import './styles/tokens.css';
import './app.css';

// Before any page exists (module level, not useLaunch: on H5 pages may mount first):
// - privacy first: its listener must be in place before any private API can be used;
// - then the session: registers the 401 relogin handler; weapp logs in silently (as a resident).
initPrivacy();
initSession();

/** The app root. Pages are rendered as `children`; per-page chrome lives in components/Page. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
