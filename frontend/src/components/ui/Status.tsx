// Loading, error and empty states, in plain words.
import type { ReactNode } from 'react';
import { Button } from './Button';

export function Loading({ children = 'Loading…' }: { children?: ReactNode }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{children}</span>
    </div>
  );
}

export function ErrorPanel({ title, error, onRetry }: { title: string; error: Error; onRetry?: () => void }) {
  // 401 in the browser: nothing failed, the page was opened without its link.
  const signIn = (error as { status?: number }).status === 401;
  return (
    <div className="state state--error" role="alert">
      <h2 className="state__title">{signIn ? 'Open Slate with its link' : title}</h2>
      <p className="state__message">{error.message}</p>
      {onRetry && !signIn && (
        <Button icon="refresh" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <h2 className="state__title">{title}</h2>
      {children && <div className="state__message">{children}</div>}
    </div>
  );
}
