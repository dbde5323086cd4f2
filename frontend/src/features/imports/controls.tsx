// Form and feedback pieces shared by the import, breach, exception and pack
// screens: labelled fields with their message at the field, a progress bar,
// notices and a small modal dialog.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from '../../components/ui/Button';
import { UTC_INPUT_EXAMPLE } from './format';
import './controls.css';

export function Field({
  label,
  hint,
  error,
  children,
  className,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** Render prop: gets the id and aria attributes to put on the control. */
  children: (p: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
  className?: string;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const describedBy = [errId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error && (
        <p className="field__error" id={errId}>
          {error}
        </p>
      )}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * A UTC time typed on a 24-hour clock ("2026-06-10 13:00"). Not a native
 * datetime-local picker: that shows the browser's clock (1:00 PM in en-US)
 * under a label that says UTC. Check the value with utcInput (format.ts).
 */
export function UtcTimeInput({
  value,
  onChange,
  ...p
}: { value: string; onChange: (v: string) => void; id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) {
  return (
    <input
      {...p}
      className="input input--time"
      type="text"
      placeholder={UTC_INPUT_EXAMPLE}
      autoComplete="off"
      spellCheck={false}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A determinate (fraction 0..1) or indeterminate (null) progress bar. */
export function ProgressBar({ label, fraction, detail }: { label: string; fraction: number | null; detail?: ReactNode }) {
  const pct = fraction === null ? undefined : Math.round(fraction * 100);
  return (
    <div className="progress">
      <div className="progress__head">
        <span className="progress__label">{label}</span>
        <span className="progress__detail">{detail ?? (pct !== undefined ? `${pct}%` : '')}</span>
      </div>
      <div
        className={`progress__track${fraction === null ? ' is-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <div className="progress__bar" style={fraction === null ? undefined : { width: `${pct}%` }} />
      </div>
    </div>
  );
}

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export function Notice({ tone = 'info', title, children }: { tone?: NoticeTone; title?: ReactNode; children?: ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <p className="notice__title">{title}</p>}
      {children && <div className="notice__body">{children}</div>}
    </div>
  );
}

/** Modal dialog: labelled by its title, Escape and Cancel close it, focus starts inside and returns after. */
export function Modal({
  title,
  onClose,
  children,
  footer,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
}) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>('textarea, input, select, button:not([disabled])');
    first?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="modal card"
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        ref={box}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 className="modal__title" id={id}>
          {title}
        </h2>
        <div className="modal__body">{children}</div>
        <div className="modal__foot">{footer}</div>
      </div>
    </div>
  );
}

/** A row of buttons, right-aligned. */
export function Actions({ children }: { children: ReactNode }) {
  return <div className="actions">{children}</div>;
}

export { Button };
