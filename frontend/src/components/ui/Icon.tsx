// A few line icons drawn inline (24×24 grid, currentColor), so the UI needs no icon font.
import type { SVGProps } from 'react';

const paths = {
  portfolio: 'M4 5h7v6H4zM13 5h7v4h-7zM13 11h7v8h-7zM4 13h7v6H4z',
  imports: 'M12 4v11m0 0-4-4m4 4 4-4M5 19h14',
  breaches: 'M12 4 3 19h18L12 4zm0 6v4m0 3v.01',
  exceptions: 'M12 3 5 6v5c0 4.5 3 8 7 10 4-2 7-5.5 7-10V6l-7-3zm-3 9 2 2 4-4',
  review: 'M7 3h7l5 5v13H7zM14 3v5h5M10 13h6M10 17h6',
  definitions: 'M8 6 3 12l5 6M16 6l5 6-5 6M13 4l-2 16',
  audit: 'M12 7v5l3 2M4 12a8 8 0 1 0 2.3-5.7M4 4v3h3',
  actions: 'M9 6h11M9 12h11M9 18h11M4 6l1 1 2-2M4 12l1 1 2-2M4 18l1 1 2-2',
  rca: 'M10 4a6 6 0 1 0 0 12 6 6 0 0 0 0-12zM14.5 14.5 20 20M8.5 8.3a1.6 1.6 0 1 1 2.2 1.5c-.5.2-.7.6-.7 1.1M10 13v.01',
  meetings: 'M4 6h16v14H4zM4 10h16M8 3v4M16 3v4M8 14h3M8 17h6',
  improvements: 'M4 18l6-6 4 4 6-8M15 8h5v5',
  calibration: 'M4 20h16M6 20V10M10 20V6M14 20v-8M18 20V4M3 8l6-3 5 4 7-5',
  approvals: 'M3 13l3 3 6-7M10 15l1 1 9-10',
  outbox: 'M4 12l16-8-6 16-2-7-8-1zM12 13l8-9',
  suppliers: 'M3 7h11v9H3zM14 10h4l3 3v3h-7M7 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM17 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  design: 'M4 20h16M6 20V10l6-6 6 6v10M10 20v-5h4v5',
  cmdb: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM16.5 13v7M13 16.5h7',
  users: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21v-1a6 6 0 0 1 12 0v1M16 3.5a4 4 0 0 1 0 7.5M22 21v-1a6 6 0 0 0-4-5.6',
  sun: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4',
  moon: 'M20 14.5A8 8 0 0 1 9.5 4 8 8 0 1 0 20 14.5z',
  refresh: 'M20 11a8 8 0 0 0-14.9-3M4 4v4h4M4 13a8 8 0 0 0 14.9 3M20 20v-4h-4',
  search: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM20 20l-4-4',
  database: 'M12 3c4.4 0 8 1.3 8 3s-3.6 3-8 3-8-1.3-8-3 3.6-3 8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  sortAsc: 'M12 6l-4 5h8z',
  sortDesc: 'M12 18l-4-5h8z',
  sortNone: 'M12 5l-3.5 4h7zM12 19l-3.5-4h7z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 18, ...rest }: { name: IconName; size?: number } & SVGProps<SVGSVGElement>) {
  const filled = name.startsWith('sort');
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={filled ? 'currentColor' : 'none'}
      stroke={filled ? 'none' : 'currentColor'}
      strokeWidth={1.7}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      <path d={paths[name]} />
    </svg>
  );
}
