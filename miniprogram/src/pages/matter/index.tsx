import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

/** Placeholder until the page is built. */
export default function Placeholder() {
  return (
    <Page name="matter" title="事项详情">
      <EmptyState title="即将上线" />
    </Page>
  );
}
