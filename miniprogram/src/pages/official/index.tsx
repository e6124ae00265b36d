import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

/** Placeholder until the page is built. */
export default function OfficialProfile() {
  return (
    <Page name="official" title="干部主页">
      <EmptyState title="即将上线" />
    </Page>
  );
}
