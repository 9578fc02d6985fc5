import type { Migration } from './migration'

/**
 * The code structure graph: what each source file at HEAD imports (as written, and what that
 * resolves to: a file, an external package, or unresolved with the reason), the symbols it defines
 * and the names it uses. Parse results are kept per blob, so only changed content is parsed again.
 */
export const migration005CodeStructure: Migration = {
  version: 5,
  name: 'code-structure',
  up: (db) => {
    db.exec(`
      -- The blob at HEAD (NULL for submodules and files not at HEAD): a changed oid means changed content.
      ALTER TABLE files ADD COLUMN blob_oid TEXT;

      CREATE TABLE code_files (
        file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
        -- The content the rows below were read from.
        blob_oid TEXT NOT NULL,
        language TEXT NOT NULL,
        -- Why the file was not parsed (too large, not text), else NULL.
        skipped TEXT,
        -- Java package / C# namespaces declared, for resolving imports by package.
        declares TEXT
      );

      CREATE TABLE code_imports (
        file_id INTEGER NOT NULL REFERENCES code_files(file_id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        specifier TEXT NOT NULL,
        kind TEXT NOT NULL,
        line INTEGER NOT NULL,
        type_only INTEGER NOT NULL DEFAULT 0,
        level INTEGER,
        names TEXT,
        system INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (file_id, seq)
      ) WITHOUT ROWID;

      CREATE TABLE code_externals (
        id INTEGER PRIMARY KEY,
        repo_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
        ecosystem TEXT NOT NULL,
        name TEXT NOT NULL,
        UNIQUE (repo_id, ecosystem, name)
      );

      -- What each import resolves to; an import of a Go package or a Java wildcard can name several files.
      CREATE TABLE code_edges (
        file_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        target_file_id INTEGER REFERENCES files(id) ON DELETE CASCADE,
        external_id INTEGER REFERENCES code_externals(id) ON DELETE CASCADE,
        unresolved TEXT,
        FOREIGN KEY (file_id, seq) REFERENCES code_imports(file_id, seq) ON DELETE CASCADE,
        CHECK ((target_file_id IS NOT NULL) + (external_id IS NOT NULL) + (unresolved IS NOT NULL) = 1)
      );
      CREATE INDEX code_edges_from ON code_edges(file_id, seq);
      CREATE INDEX code_edges_target ON code_edges(target_file_id) WHERE target_file_id IS NOT NULL;
      CREATE INDEX code_edges_external ON code_edges(external_id) WHERE external_id IS NOT NULL;

      CREATE TABLE code_symbols (
        id INTEGER PRIMARY KEY,
        file_id INTEGER NOT NULL REFERENCES code_files(file_id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        start_line INTEGER NOT NULL,
        end_line INTEGER NOT NULL,
        exported INTEGER NOT NULL,
        container TEXT
      );
      CREATE INDEX code_symbols_name ON code_symbols(name);
      CREATE INDEX code_symbols_file ON code_symbols(file_id);

      CREATE TABLE code_refs (
        name TEXT NOT NULL,
        file_id INTEGER NOT NULL REFERENCES code_files(file_id) ON DELETE CASCADE,
        line INTEGER NOT NULL,
        PRIMARY KEY (name, file_id, line)
      ) WITHOUT ROWID;
      CREATE INDEX code_refs_file ON code_refs(file_id);

      -- What the last resolution of imports saw (paths at HEAD and configuration files): unchanged,
      -- only the imports of files parsed since need resolving.
      ALTER TABLE repositories ADD COLUMN code_resolved_key TEXT;
      -- The commit whose tree the code structure matches (NULL: never parsed, or skipped with --no-code).
      ALTER TABLE repositories ADD COLUMN code_head TEXT;

      -- The tree at HEAD is listed again by the next run, which records blob ids.
      UPDATE repositories SET tree_head = NULL;
    `)
  },
}
