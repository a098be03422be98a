import type { ReactNode } from 'react';

interface Props {
  readonly label: string;
  /** Shown as a tooltip and announced: what the button does and its shortcut, if any. */
  readonly description: string;
  readonly onClick: () => void;
  readonly disabled?: boolean;
  readonly primary?: boolean;
  readonly icon: ReactNode;
}

/** A labelled toolbar button: text for everyone, an icon for scanning, a tooltip for the shortcut. */
export default function ToolbarButton({ label, description, onClick, disabled = false, primary = false, icon }: Props) {
  return (
    <button
      type="button"
      className={primary ? 'pg-button pg-button-primary' : 'pg-button'}
      onClick={onClick}
      disabled={disabled}
      title={description}
      aria-label={label}
      aria-description={description}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
        {icon}
      </svg>
      <span>{label}</span>
    </button>
  );
}

export const icons = {
  run: <path d="M7 4.5v15l12-7.5z" fill="currentColor" />,
  stop: <rect x="6" y="6" width="12" height="12" rx="1.5" fill="currentColor" />,
  reset: (
    <path
      d="M5 12a7 7 0 1 0 2.05-4.95M5 4v4h4"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  ),
  copy: (
    <g fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
      <rect x="8" y="8" width="12" height="12" rx="2" />
      <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
    </g>
  ),
  share: (
    <g fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
    </g>
  ),
};
