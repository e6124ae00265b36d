import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

/** Placeholder until the page is built. */
export default function Placeholder() {
  return (
    <Page name="unit" title="单位">
      <EmptyState title="即将上线" />
    </Page>
  );
}
