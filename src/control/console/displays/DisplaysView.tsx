import { ApproveForm } from './ApproveForm.tsx';
import { CreateWallForm } from './CreateWallForm.tsx';
import { DisplaysProvider, useDisplays, useDisplaysState } from './displays-context.ts';
import type { DisplaysDesk } from './displays-desk.ts';
import { EnrolledList } from './EnrolledList.tsx';
import { PendingList } from './PendingList.tsx';
import './displays.css';

/** 显示屏 Displays: approve screens waiting with a pairing code, see and revoke enrolled ones. Polls while mounted. */
export function DisplaysView({ desk }: { desk: DisplaysDesk }) {
  return (
    <DisplaysProvider desk={desk}>
      <DisplaysBody />
    </DisplaysProvider>
  );
}

function DisplaysBody() {
  const desk = useDisplays();
  const error = useDisplaysState((s) => s.error);
  const notice = useDisplaysState((s) => s.notice);
  const loaded = useDisplaysState((s) => s.data !== null);
  const rejected = useDisplaysState((s) => s.rejected);
  return (
    <div className="enrol" data-testid="displays-view" data-loaded={loaded}>
      {error && (
        <div className="console-notice console-notice--error enrol-banner" role="alert" data-testid="displays-error" data-source={error.source}>
          <span>{error.text}</span>
          <button type="button" className="btn btn--small" data-testid="displays-error-dismiss" onClick={() => desk.dismissError()} aria-label="关闭 Dismiss">
            ✕
          </button>
        </div>
      )}
      {notice && (
        <div className="console-notice console-notice--info enrol-banner" role="status" data-testid="displays-notice">
          <span>{notice}</span>
          <button type="button" className="btn btn--small" data-testid="displays-notice-dismiss" onClick={() => desk.dismissNotice()} aria-label="关闭 Dismiss">
            ✕
          </button>
        </div>
      )}
      {rejected > 0 && (
        <p className="enrol-rejected" data-testid="displays-rejected" data-count={rejected}>
          已丢弃无效应答 {rejected} 次 Invalid hub answers dropped: {rejected}
        </p>
      )}
      <div className="enrol-columns">
        <section className="console-card enrol-column" aria-label="待批准 Waiting for approval">
          <PendingList />
          <ApproveForm />
        </section>
        <section className="console-card enrol-column" aria-label="已登记 Enrolled">
          <EnrolledList />
          <CreateWallForm />
        </section>
      </div>
    </div>
  );
}
