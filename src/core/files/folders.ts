/** The folder holding `path` ('' for the root), as stored in files.dir. */
export function parentFolder(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash === -1 ? '' : path.slice(0, slash)
}

/** Every folder above `path`, outermost first, not counting the root: 'a/b/c.ts' → ['a', 'a/b']. */
export function foldersAbove(path: string): string[] {
  const folders: string[] = []
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) folders.push(path.slice(0, i))
  return folders
}
