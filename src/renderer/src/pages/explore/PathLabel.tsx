/** A repository path that, when cut short, loses the middle of its folders rather than the file name. */
export function PathLabel({ path }: { readonly path: string }) {
  const cut = path.lastIndexOf('/') + 1
  return (
    <span className="path-label" title={path}>
      {cut > 0 && <span className="path-label-dir">{path.slice(0, cut)}</span>}
      <span className="path-label-name">{path.slice(cut)}</span>
    </span>
  )
}
