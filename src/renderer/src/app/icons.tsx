/** Small line icons for the navigation; decorative, so hidden from assistive technology. */

const common = {
  width: 18,
  height: 18,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const

export function RepositoriesIcon() {
  return (
    <svg {...common}>
      <circle cx="6" cy="5" r="2" />
      <circle cx="6" cy="19" r="2" />
      <circle cx="18" cy="8" r="2" />
      <path d="M6 7v10" />
      <path d="M18 10c0 4-6 3-12 7" />
    </svg>
  )
}

export function ExploreIcon() {
  return (
    <svg {...common}>
      <path d="M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2h8.5A1.5 1.5 0 0 1 21 8.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z" />
      <circle cx="12" cy="13" r="2.5" />
      <path d="m14 15 2 2" />
    </svg>
  )
}

export function CoopMark() {
  return (
    <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
      <rect width="28" height="28" rx="7" fill="var(--accent)" />
      <path d="M8 17.5a6 6 0 1 1 12 0" fill="none" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
      <path d="M6.5 17.5h15" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
      <circle cx="14" cy="11.5" r="1.6" fill="#fff" />
    </svg>
  )
}

export function AskIcon() {
  return (
    <svg {...common}>
      <path d="M4 5.5A1.5 1.5 0 0 1 5.5 4h13A1.5 1.5 0 0 1 20 5.5v9a1.5 1.5 0 0 1-1.5 1.5H10l-4.5 4v-4h0A1.5 1.5 0 0 1 4 14.5z" />
      <path d="M9.5 8.5a2.5 2.5 0 1 1 3.2 2.4c-.5.2-.7.6-.7 1.1" />
      <path d="M12 13.6v.1" />
    </svg>
  )
}

export function ProvidersIcon() {
  return (
    <svg {...common}>
      <path d="M12 3 5 6v5c0 4.5 3 8 7 10 4-2 7-5.5 7-10V6z" />
      <circle cx="12" cy="10.5" r="2" />
      <path d="M12 12.5V16" />
    </svg>
  )
}

export function UsageIcon() {
  return (
    <svg {...common}>
      <path d="M4 20h16" />
      <path d="M7 16v-5" />
      <path d="M12 16V7" />
      <path d="M17 16v-8" />
    </svg>
  )
}

export function AuditIcon() {
  return (
    <svg {...common}>
      <path d="M7 3.5h10A1.5 1.5 0 0 1 18.5 5v14a1.5 1.5 0 0 1-1.5 1.5H7A1.5 1.5 0 0 1 5.5 19V5A1.5 1.5 0 0 1 7 3.5z" />
      <path d="M9 8h6" />
      <path d="M9 12h6" />
      <path d="M9 16h3" />
    </svg>
  )
}

export function ComplianceIcon() {
  return (
    <svg {...common}>
      <path d="M14 3.5H7A1.5 1.5 0 0 0 5.5 5v14A1.5 1.5 0 0 0 7 20.5h10a1.5 1.5 0 0 0 1.5-1.5V8z" />
      <path d="M14 3.5V8h4.5" />
      <path d="m9 14 2 2 4-4.5" />
    </svg>
  )
}
