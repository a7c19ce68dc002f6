import type { ComponentType, ReactNode } from 'react';

// What an area will hold, said plainly, and why it is empty now. No fake data.

export function EmptyState({
  icon: Icon,
  promise,
  status,
  children,
}: {
  icon: ComponentType<{ 'aria-hidden': 'true'; size: number; strokeWidth: number }>;
  /** What this area will do for the user. */
  promise: ReactNode;
  /** Why it is empty today, honestly. */
  status: ReactNode;
  children?: ReactNode;
}) {
  return (
    <section className="empty-state">
      <div className="empty-state-art">
        <Icon aria-hidden="true" size={44} strokeWidth={1.5} />
      </div>
      <p className="lead">{promise}</p>
      <p className="empty-state-status">{status}</p>
      {children}
    </section>
  );
}
