import type { ReactNode } from 'react';

/** What an empty place says: what it is, and what the agent can do about it. */
export function EmptyState({ icon, title, children, action }: { icon?: ReactNode; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      {icon}
      <h2>{title}</h2>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}

export function Spinner({ label }: { label: string }) {
  return <div className="spinner" role="status" aria-label={label} />;
}
