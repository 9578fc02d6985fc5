/** "gpt-4.1, gpt-4.1-mini" ⇄ ['gpt-4.1', 'gpt-4.1-mini']: how model names are typed in one field. */
export function parseModelList(text: string): string[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  return [...new Set(names)]
}

export function formatModelList(models: readonly string[]): string {
  return models.join(', ')
}
