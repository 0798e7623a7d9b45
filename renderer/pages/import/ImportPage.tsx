// Placeholder until the import wizard lands (being written now).
export function ImportPage() {
  return null;
}
