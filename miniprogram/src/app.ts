import type { PropsWithChildren } from 'react';

import './styles/tokens.css';
import './app.css';

/** The app root. Pages are rendered as `children`; per-page chrome lives in components/Page. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
