interface ReportFrameProps {
  /** A complete page rendered by core: no scripts, its own CSP (`default-src 'none'`), every report text escaped. */
  readonly html: string
  readonly title: string
  readonly testId?: string
}

/**
 * A rendered report, shown as it will print. `sandbox=""` gives the page an opaque origin and no scripts,
 * forms, popups or navigation of this window, whatever it holds (a report under verification comes from
 * anywhere). srcdoc is not fetched, so the app's CSP needs no frame-src for it.
 */
export function ReportFrame({ html, title, testId = 'report-frame' }: ReportFrameProps) {
  return <iframe className="report-frame" sandbox="" srcDoc={html} title={title} data-testid={testId} />
}
