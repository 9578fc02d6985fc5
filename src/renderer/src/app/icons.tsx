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
