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
